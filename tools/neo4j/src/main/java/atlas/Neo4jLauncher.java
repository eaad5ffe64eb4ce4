package atlas;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community (embedded) with only the Bolt connector, on loopback,
 * without authentication. For development, tests and CI of Cooperation Atlas;
 * never expose it beyond 127.0.0.1.
 *
 * <pre>
 * java -cp ... atlas.Neo4jLauncher [--data-dir DIR] [--port N] [--host H]
 *      [--page-cache SIZE] [--set key=value]... [--exit-on-stdin-eof]
 *      [--delete-data-dir-on-exit]
 * </pre>
 *
 * Defaults come from NEO4J_DATA_DIR (else ./.neo4j/data) and NEO4J_BOLT_PORT
 * (else 7687). The data directory is used as the Neo4j home: it receives
 * data/ (databases, transactions) and logs/ (debug.log).
 *
 * Protocol on stdout, one line each: "NEO4J_READY bolt://HOST:PORT" once the
 * default database is available, "NEO4J_STOPPED" after a clean shutdown.
 * A start failure prints "NEO4J_FAILED message" on stderr and exits with 1.
 * SIGTERM / SIGINT shut the database down cleanly through a shutdown hook.
 */
public final class Neo4jLauncher {
    private static final PrintStream OUT = System.out;

    private Neo4jLauncher() {}

    public static void main(String[] args) {
        String dataDir = envOr("NEO4J_DATA_DIR", ".neo4j/data");
        String host = "127.0.0.1";
        int port = Integer.parseInt(envOr("NEO4J_BOLT_PORT", "7687"));
        String pageCache = "256m";
        boolean exitOnStdinEof = false;
        boolean deleteOnExit = false;
        Map<String, String> raw = new LinkedHashMap<>();

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data-dir" -> dataDir = need(args, ++i, a);
                case "--port" -> port = Integer.parseInt(need(args, ++i, a));
                case "--host" -> host = need(args, ++i, a);
                case "--page-cache" -> pageCache = need(args, ++i, a);
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                case "--delete-data-dir-on-exit" -> deleteOnExit = true;
                case "--set" -> {
                    String kv = need(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) fail("--set expects key=value, got: " + kv, null);
                    raw.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> fail("unknown argument: " + a, null);
            }
        }
        if (port < 0 || port > 65535) fail("invalid port: " + port, null);

        Path home = Path.of(dataDir).toAbsolutePath().normalize();
        DatabaseManagementService dbms;
        try {
            Files.createDirectories(home);
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
            builder
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                    // Keep a dev/test store small: no 256 MiB pre-allocated
                    // transaction log files, and little log history kept.
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                    // Shut down in ~1 s instead of ~11 s: by default Netty's event
                    // loops wait out a 5 s quiet period each, and open Bolt
                    // connections get up to 5 min. (Internal settings.)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(5))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(5));
            if (!raw.isEmpty()) {
                // --set key=value: any other neo4j.conf setting, applied last.
                Path extra = Files.createTempFile("atlas-neo4j-", ".conf");
                StringBuilder conf = new StringBuilder();
                raw.forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
                Files.writeString(extra, conf);
                builder.loadPropertiesFromFile(extra);
                Files.deleteIfExists(extra);
            }
            dbms = builder.build();
        } catch (Throwable t) {
            fail(describe(t), t);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        final boolean deleteHome = deleteOnExit;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
                OUT.println("NEO4J_STOPPED");
            } catch (Throwable t) {
                System.err.println("NEO4J_SHUTDOWN_ERROR " + describe(t));
            } finally {
                if (deleteHome) deleteRecursively(home);
                OUT.flush();
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!db.isAvailable()) {
                if (System.nanoTime() > deadline) fail("default database not available after 5 minutes", null);
                Thread.sleep(50);
            }
        } catch (Throwable t) {
            try {
                dbms.shutdown();
            } catch (Throwable ignored) {
                // reporting the first failure matters more
            }
            fail(describe(t), t);
        }

        OUT.println("NEO4J_READY bolt://" + host + ":" + port);
        OUT.flush();

        if (exitOnStdinEof) {
            // The parent keeps our stdin open; when it dies, stdin hits EOF
            // and we shut down instead of lingering as an orphan.
            try {
                InputStream in = System.in;
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                    // ignore input
                }
            } catch (IOException ignored) {
                // treat as EOF
            }
            System.exit(0);
        }
        try {
            stopped.await();
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    private static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    private static String need(String[] args, int i, String flag) {
        if (i >= args.length) fail(flag + " needs a value", null);
        return args[i];
    }

    private static long parseBytes(String s) {
        String t = s.trim().toLowerCase();
        long mult = 1;
        if (t.endsWith("k")) mult = ByteUnit.kibiBytes(1);
        else if (t.endsWith("m")) mult = ByteUnit.mebiBytes(1);
        else if (t.endsWith("g")) mult = ByteUnit.gibiBytes(1);
        if (mult != 1) t = t.substring(0, t.length() - 1);
        return Long.parseLong(t) * mult;
    }

    /** Message of the root cause, which is where "Address already in use" ends up. */
    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t));
        Throwable c = t.getCause();
        int depth = 0;
        while (c != null && c != c.getCause() && depth++ < 10) {
            sb.append(" <- ").append(c);
            c = c.getCause();
        }
        return sb.toString().replace('\n', ' ');
    }

    private static void fail(String message, Throwable t) {
        if (t != null) t.printStackTrace(System.err);
        System.err.println("NEO4J_FAILED " + message);
        System.err.flush();
        // halt: skip shutdown hooks, there is nothing started worth saving
        Runtime.getRuntime().halt(1);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
