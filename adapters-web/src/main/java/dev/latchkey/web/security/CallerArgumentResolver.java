package dev.latchkey.web.security;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets /v1 controllers take the authenticated {@link Caller} as a parameter, and enforces the endpoint matrix of
 * PRODUCT.md §3 through its type: {@code Caller} accepts API keys and user tokens, {@code Caller.KeyCaller} only API
 * keys, {@code Caller.UserCaller} only user tokens; the other credential is refused with {@code auth_invalid}.
 * Declare the caller before any {@code @RequestBody}, so that the refusal comes before the body is read.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Caller caller = CallerAuthentication.current().orElseThrow(() ->
                new DomainException(ErrorCode.AUTH_MISSING, "missing or malformed Authorization header"));
        Class<?> wanted = parameter.getParameterType();
        if (wanted.isInstance(caller)) {
            return caller;
        }
        if (wanted == Caller.KeyCaller.class) {
            throw new DomainException(ErrorCode.AUTH_INVALID,
                    "this endpoint accepts only API keys, not user tokens");
        }
        if (wanted == Caller.UserCaller.class) {
            throw new DomainException(ErrorCode.AUTH_INVALID,
                    "this endpoint accepts only user tokens (from POST /v1/auth/login), not API keys");
        }
        throw new IllegalStateException("unsupported caller parameter " + wanted.getName());
    }
}
