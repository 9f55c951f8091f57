package dev.latchkey.archfixtures.dashboard;

import dev.latchkey.archfixtures.domain.thing.ThingId;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Breaks domainTypesAreNotSerialisedDirectly: a @ResponseBody method of a page controller returning a domain type. */
@Controller
public class BadThingsJsonController {

    @GetMapping("/things/next-id")
    @ResponseBody
    public ThingId nextId() {
        return ThingId.random();
    }
}
