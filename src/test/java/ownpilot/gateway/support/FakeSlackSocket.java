package ownpilot.gateway.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSocket server standing in for Slack's Socket Mode endpoint: it completes the opening handshake,
 * sends text frames to every connected client ({@link #send}), records the text frames clients send
 * (the envelope acknowledgements) and answers pings and closes. Just enough of RFC 6455 for that.
 */
public final class FakeSlackSocket implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final List<OutputStream> clients = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();

    public FakeSlackSocket() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/link";
    }

    public int connected() {
        return clients.size();
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    public void send(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : clients) {
            synchronized (out) {
                out.write(0x81);
                if (payload.length < 126) {
                    out.write(payload.length);
                } else {
                    out.write(126);
                    out.write(payload.length >> 8);
                    out.write(payload.length & 0xFF);
                }
                out.write(payload);
                out.flush();
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        OutputStream out = null;
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            out = client.getOutputStream();
            String key = handshakeKey(in);
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            clients.add(out);
            DataInputStream frames = new DataInputStream(in);
            while (true) {
                int b0 = frames.readUnsignedByte();
                int b1 = frames.readUnsignedByte();
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = frames.readUnsignedShort();
                } else if (length == 127) {
                    length = frames.readLong();
                }
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) {
                    frames.readFully(mask);
                }
                byte[] payload = new byte[(int) length];
                frames.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                int opcode = b0 & 0x0F;
                if (opcode == 1) {
                    received.add(new String(payload, StandardCharsets.UTF_8));
                } else if (opcode == 8) {
                    synchronized (out) {
                        out.write(new byte[] {(byte) 0x88, 0});
                    }
                    return;
                } else if (opcode == 9) {
                    synchronized (out) {
                        out.write(0x8A);
                        out.write(payload.length);
                        out.write(payload);
                    }
                }
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            // the client went away
        } finally {
            if (out != null) {
                clients.remove(out);
            }
        }
    }

    private static String handshakeKey(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed during the handshake");
            }
            head.append((char) c);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new IOException("no Sec-WebSocket-Key");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
