package org.expodesk.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection for a load generator: a request written as bytes, the answer
 * read by its Content-Length or chunks. Much cheaper per request than {@code java.net.http}, whose
 * own work would otherwise share the cores with the server it measures. Not thread-safe: one per
 * client thread.
 */
final class KeepAliveHttp implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Response post(String path, String bearer, String json) throws IOException {
        return postWithHeaders(path, "Authorization: Bearer " + bearer + "\r\n", json);
    }

    /** A JSON post with the given header lines (each ending in CRLF), e.g. none for a public endpoint. */
    Response postWithHeaders(String path, String headerLines, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headerLines
                + "Content-Type: application/json\r\nAccept: application/json\r\nAccept-Language: en\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        connect();
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        out.write(request);
        out.flush();
        return read();
    }

    /** Opens the connection now, if it is not open, so that a measured request does not pay for it. */
    void connect() throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
    }

    private Response read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            body.write(in.readNBytes(length));
        }
        if (close) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
