package network.omniphi.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte pipes between a listening socket and a target, used to reach the test's servers from inside a private network
 * namespace: a Unix socket (a file, visible in every network namespace) carries each connection across. On the host,
 * {@code unix:<path> -> tcp:127.0.0.1:<port>}; inside the namespace ({@link #main}),
 * {@code tcp:127.0.0.1:<port> -> unix:<path>}, so a service connecting to e.g. {@code omniphi-pg-rw:5432} (resolved
 * to the namespace's loopback) reaches the test's PostgreSQL.
 */
public final class SocketBridge implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<SocketChannel> open = new ArrayList<>();

    private SocketBridge(ServerSocketChannel server, SocketAddress target) {
        this.server = server;
        this.acceptor = new Thread(() -> accept(target), "bridge-" + server);
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Host side: connections on the Unix socket {@code socket} go to {@code 127.0.0.1:port}. */
    public static SocketBridge unixToTcp(Path socket, int port) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new SocketBridge(server, new InetSocketAddress("127.0.0.1", port));
    }

    /** Namespace side: connections on {@code 127.0.0.1:port} go to the Unix socket {@code socket}. */
    public static SocketBridge tcpToUnix(int port, Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port));
        return new SocketBridge(server, UnixDomainSocketAddress.of(socket));
    }

    private void accept(SocketAddress target) {
        while (server.isOpen()) {
            try {
                SocketChannel in = server.accept();
                SocketChannel out = SocketChannel.open(target);
                synchronized (open) {
                    open.add(in);
                    open.add(out);
                }
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException e) {
                // the other side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            open.forEach(SocketBridge::closeQuietly);
        }
    }

    /**
     * Runs inside the service's network namespace before the service: {@code ready-file port=socket ...}; creates
     * the ready file once every port listens, then serves until killed.
     */
    public static void main(String[] args) throws Exception {
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            tcpToUnix(Integer.parseInt(args[i].substring(0, eq)), Path.of(args[i].substring(eq + 1)));
        }
        Files.createFile(Path.of(args[0]));
        Thread.currentThread().join();
    }
}
