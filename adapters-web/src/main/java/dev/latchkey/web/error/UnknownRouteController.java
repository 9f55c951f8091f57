package dev.latchkey.web.error;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any /v1 path no other controller serves: 404 {@code not_found} as problem+json. */
@Hidden
@RestController
public class UnknownRouteController {

    @RequestMapping("/v1/**")
    void unknown() {
        throw new DomainException(ErrorCode.NOT_FOUND, "no such endpoint");
    }
}
