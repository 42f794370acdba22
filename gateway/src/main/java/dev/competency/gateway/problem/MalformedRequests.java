package dev.competency.gateway.problem;

import dev.competency.platform.problem.Problem;
import dev.competency.platform.problem.ProblemType;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for requests the HTTP server refuses before any filter runs: a request line over the server's limit
 * (414), headers over it (431), a request the HTTP decoder cannot read, and a URL that is not a URI (such as a broken
 * %-encoding, 400). Reactor Netty and Spring's adapter answer these with a bare status and no body; this handler sits
 * in the connection's pipeline right after the HTTP decoder, answers them itself as {@code application/problem+json}
 * with a new request id, and closes the connection, as the server would.
 */
@Component
class MalformedRequests implements NettyServerCustomizer {

    private static final String HANDLER = "gateway.malformedRequests";

    private final JsonMapper json;

    MalformedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Refuser());
            }
        });
    }

    /** One per connection: answers the first unreadable request and drops everything after it. */
    private final class Refuser extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (refused) {
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpRequest request) {
                FullHttpResponse answer = answer(request);
                if (answer != null) {
                    refused = true;
                    ReferenceCountUtil.release(message);
                    context.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            context.fireChannelRead(message);
        }

        private FullHttpResponse answer(HttpRequest request) {
            DecoderResult decoding = request.decoderResult();
            if (decoding.isFailure()) {
                Throwable cause = decoding.cause();
                if (cause instanceof TooLongHttpLineException) {
                    return problem(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is too long");
                }
                if (cause instanceof TooLongHttpHeaderException) {
                    return problem(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are too large");
                }
                if (cause instanceof TooLongFrameException) {
                    return problem(HttpResponseStatus.BAD_REQUEST, "The request is too large to read");
                }
                return problem(HttpResponseStatus.BAD_REQUEST, "The request is not valid HTTP");
            }
            if (HttpMethod.CONNECT.equals(request.method())) {
                // Its target is host:port, not a URI; the firewall refuses the method (405).
                return null;
            }
            try {
                new URI(request.uri());
                return null;
            } catch (URISyntaxException e) {
                return problem(HttpResponseStatus.BAD_REQUEST,
                        "The request URL is not a valid URI (check its %-encoding)");
            }
        }

        private FullHttpResponse problem(HttpResponseStatus status, String detail) {
            String requestId = UUID.randomUUID().toString();
            HttpStatus code = HttpStatus.valueOf(status.code());
            String slug = code == HttpStatus.BAD_REQUEST ? ProblemType.INVALID_REQUEST
                    : code == HttpStatus.URI_TOO_LONG ? ProblemType.URI_TOO_LONG : ProblemType.HEADERS_TOO_LARGE;
            byte[] body = json.writeValueAsBytes(Problem.of(code, slug, detail).withRequestId(requestId));
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set("X-Request-Id", requestId);
            return response;
        }
    }
}
