package org.noticeboard.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for requests that REST Assured and java.net.http would correct or refuse to
 * send: raw dot segments, bad percent-encoding, oversized lines, bodies without a Content-Type.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends a request line and headers (each line without CRLF) and an optional body, on a connection of its own. */
    public static Response send(URL server, String requestLine, String headers, String body) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n")
                .append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        if (!headers.isEmpty()) {
            request.append(headers.replace("\n", "\r\n")).append("\r\n");
        }
        request.append("\r\n");
        if (body != null) {
            request.append(body);
        }
        return exchange(server, request.toString());
    }

    /** Sends exactly these characters (as ISO-8859-1) and reads the answer until the server closes. */
    public static Response exchange(URL server, String request) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (SocketException e) {
                // The server may answer and close before a large request is all written; its answer still counts.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response get(URL server, String target) {
        return send(server, "GET " + target + " HTTP/1.1", "", null);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, read);
            }
        } catch (SocketException e) {
            // A reset after the response was sent: what arrived is the answer.
        }
        return received.toByteArray();
    }

    private static Response parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int headersEnd = text.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            throw new IllegalStateException("No complete HTTP response: '" + text + "'");
        }
        String[] lines = text.substring(0, headersEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(), (first, second) -> first + ", " + second);
        }
        return new Response(status, headers, text.substring(headersEnd + 4));
    }
}
