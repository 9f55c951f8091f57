package dev.latchkey.web.security;

import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.web.error.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads the body of a /v1 request once, so that it can be signed (HMAC), fingerprinted (idempotency) and still be
 * read by Spring MVC; a body over the limit is refused with 413 {@code payload_too_large}, by its declared
 * {@code Content-Length} first and by counting for a chunked body.
 */
public class RequestBodyFilter extends OncePerRequestFilter {

    /** The request attribute holding the raw body ({@code byte[]}, empty when there is none). */
    public static final String RAW_BODY = RequestBodyFilter.class.getName() + ".rawBody";

    private static final byte[] EMPTY = new byte[0];

    private final long maxBytes;
    private final ApiProblems problems;

    public RequestBodyFilter(long maxBytes, ApiProblems problems) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("the body limit must not be negative");
        }
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    /** The raw body of a request that went through this filter; empty otherwise. */
    public static byte[] rawBody(HttpServletRequest request) {
        return request.getAttribute(RAW_BODY) instanceof byte[] body ? body : EMPTY;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), maxBytes);
        } catch (IOException e) {
            problems.write(response, problems.problem(ErrorCode.BAD_REQUEST, "the request body could not be read"));
            return;
        }
        if (body == null) {
            tooLarge(response);
            return;
        }
        request.setAttribute(RAW_BODY, body);
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        problems.write(response, problems.problem(ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + maxBytes + " bytes"));
    }

    /** The whole stream, or null when it holds more than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        if (in == null) {
            return EMPTY;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** The request with its body served from memory, as often as it is asked for. */
    static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
