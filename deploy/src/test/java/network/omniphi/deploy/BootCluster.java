package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

/**
 * What a cluster gives the services of one rendered overlay, made real on this machine for the boot test:
 * <ul>
 * <li>the Secrets the manifests reference, generated (database roles, the gateway's JWT key and TLS certificate, the
 * Kafka users' SCRAM credentials and the Kafka cluster CA) — the same shapes CloudNativePG, Strimzi and the README
 * ask for;</li>
 * <li>a PostgreSQL server of its own (initdb in a temporary folder) with the roles and databases of the rendered
 * CloudNativePG {@code Cluster} and {@code Database} objects;</li>
 * <li>a Kafka broker with the rendered topics, a SCRAM-SHA-512 listener over TLS whose certificate names the bootstrap
 * host of the services' configuration (signed by the generated cluster CA), and exactly the rendered
 * {@code KafkaUser} ACLs under a deny-by-default authorizer;</li>
 * <li>a Kubernetes API (the fabric8 mock server in CRUD mode, over HTTPS) holding the overlay's namespaces and the
 * ValidatorNode CRD, for the service that mounts a service-account token (the provisioner's informers and Lease).
 * It does not enforce RBAC: the Roles are checked by the manifest tests, not here.</li>
 * </ul>
 */
final class BootCluster implements AutoCloseable {

    static final String PG_BIN = pgBin();
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger
            .getLogger("io.fabric8.mockwebserver");
    private static final SecureRandom RANDOM = new SecureRandom();

    final String overlay;
    final Path dir;
    final Map<String, Map<String, String>> secrets = new HashMap<>();
    final int pgPort;
    final int kafkaSaslPort;
    final int kafkaAdminPort;
    final String kafkaBootstrapHost;
    final int kafkaBootstrapPort;
    final Path caCert;
    private Process kafka;
    private final List<String> kafkaUsers = new ArrayList<>();
    /** The Kubernetes API the provisioner talks to: the fabric8 mock server in CRUD mode, over HTTPS. */
    private KubernetesMockServer kubernetes;
    int kubernetesPort;
    /** The API server's certificate (self-signed for {@code localhost}), the service account's {@code ca.crt}. */
    String kubernetesCaCert;
    private final Thread stopOnExit = new Thread(this::stopServers, "boot-cluster-stop");

    BootCluster(Manifests.Rendered rendered, String kafkaBootstrap) throws Exception {
        this.overlay = rendered.overlay();
        this.dir = Files.createTempDirectory("omniphi-boot-" + overlay + "-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        this.pgPort = freePort();
        this.kafkaSaslPort = freePort();
        this.kafkaAdminPort = freePort();
        int colon = kafkaBootstrap.lastIndexOf(':');
        this.kafkaBootstrapHost = kafkaBootstrap.substring(0, colon);
        this.kafkaBootstrapPort = Integer.parseInt(kafkaBootstrap.substring(colon + 1));
        this.caCert = dir.resolve("ca/ca.crt");
        Runtime.getRuntime().addShutdownHook(stopOnExit); // a test JVM that dies leaves no server behind
        try {
            certificates();
            startPostgres(rendered);
            startKafka(rendered);
            startKubernetes(rendered);
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    private void startKubernetes(Manifests.Rendered rendered) throws IOException {
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING); // not a line per request of the provisioner
        MockWebServer web = new MockWebServer();
        kubernetes = new KubernetesMockServer(new Context(), web, new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), true);
        kubernetes.init(InetAddress.getLoopbackAddress(), 0);
        kubernetesPort = kubernetes.getPort();
        kubernetesCaCert = Files.readString(Path.of(web.getSelfSignedCertificate().certificatePath()));
        try (KubernetesClient client = kubernetes.createClient()) {
            // what the cluster holds before the services start: the overlay's namespaces and the ValidatorNode CRD
            for (HasMetadata o : rendered.objects()) {
                if (o instanceof Namespace || o instanceof CustomResourceDefinition) {
                    client.resource(o).create();
                }
            }
        }
    }

    // ------------------------------------------------------------------ secrets

    /** Every generated key of Secret {@code name}. */
    Map<String, String> secretKeys(String name) {
        return secrets.computeIfAbsent(name, this::generate);
    }

    /** The generated value of key {@code key} of Secret {@code name}; fails for a Secret the test cannot make. */
    String secret(String name, String key) {
        Map<String, String> data = secrets.computeIfAbsent(name, this::generate);
        String value = data.get(key);
        assertThat(value).as("the boot test knows no key %s of Secret %s (teach BootCluster.generate)", key, name)
                .isNotNull();
        return value;
    }

    private Map<String, String> generate(String name) {
        try {
            if (name.startsWith("omniphi-pg-")) { // kubernetes.io/basic-auth, README "Secrets"
                return Map.of("username", name.substring("omniphi-pg-".length()), "password", password());
            }
            if (name.equals("api-gateway-jwt")) {
                Path key = dir.resolve("jwt.pem");
                run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
                        key.toString());
                return Map.of("signing-key.pem", Files.readString(key));
            }
            if (name.equals("api-gateway-tls")) { // kubernetes.io/tls
                Path crt = dir.resolve("gateway-tls.crt");
                Path key = dir.resolve("gateway-tls.key");
                run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=api.omniphi.network", "-addext", "subjectAltName=DNS:api.omniphi.network,IP:127.0.0.1",
                        "-keyout", key.toString(), "-out", crt.toString());
                return Map.of("tls.crt", Files.readString(crt), "tls.key", Files.readString(key));
            }
            if (name.equals("omniphi-kafka-cluster-ca-cert")) { // Strimzi's cluster CA public certificate
                return Map.of("ca.crt", Files.readString(caCert));
            }
            if (kafkaUsers.contains(name)) { // Strimzi User Operator: Secret named like the KafkaUser
                throw new IllegalStateException("created with the broker");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("the boot test cannot generate Secret " + name + " (teach BootCluster.generate)");
    }

    private static String password() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private void certificates() throws IOException {
        Files.createDirectories(caCert.getParent());
        Path caKey = dir.resolve("ca/ca.key");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                "/CN=boot-test-cluster-ca",
                "-keyout", caKey.toString(), "-out", caCert.toString());
        Path key = dir.resolve("ca/broker.key");
        Path csr = dir.resolve("ca/broker.csr");
        Path crt = dir.resolve("ca/broker.crt");
        Path ext = dir.resolve("ca/broker.ext");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + kafkaBootstrapHost, "-keyout",
                key.toString(), "-out", csr.toString());
        Files.writeString(ext, "subjectAltName=DNS:" + kafkaBootstrapHost + "\n");
        run("openssl", "x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-days", "2", "-extfile", ext.toString(), "-out", crt.toString());
    }

    // ------------------------------------------------------------------ PostgreSQL

    private void startPostgres(Manifests.Rendered rendered) throws Exception {
        Path root = dir.resolve("pg"); // owned by postgres: data, socket and logs
        Path data = root.resolve("data");
        Files.createDirectories(data);
        run("chown", "-R", "postgres:postgres", root.toString());
        asPostgres(PG_BIN + "/initdb -D " + data + " -U postgres --auth-local=trust --auth-host=scram-sha-256 >"
                + root + "/initdb.log 2>&1");
        asPostgres(PG_BIN + "/pg_ctl -D " + data + " -l " + root + "/pg.log -w -t 60 -o \"-p " + pgPort + " -k "
                + root + " -c listen_addresses=127.0.0.1 -c max_connections=60\" start >/dev/null");
        // CloudNativePG: the initdb database and owner, the managed roles (password from their Secret), the Databases
        GenericKubernetesResource cluster = rendered.generic("Cluster").get(0);
        StringBuilder sql = new StringBuilder();
        String owner = cluster.get("spec", "bootstrap", "initdb", "owner");
        String ownerSecret = cluster.get("spec", "bootstrap", "initdb", "secret", "name");
        sql.append(role(owner, ownerSecret));
        List<Map<String, Object>> roles = cluster.get("spec", "managed", "roles");
        for (Map<String, Object> r : roles) {
            sql.append(role((String) r.get("name"), (String) ((Map<?, ?>) r.get("passwordSecret")).get("name")));
        }
        sql.append("CREATE DATABASE \"").append((String) cluster.get("spec", "bootstrap", "initdb", "database"))
                .append("\" OWNER \"").append(owner).append("\";\n");
        for (GenericKubernetesResource db : rendered.generic("Database")) {
            sql.append("CREATE DATABASE \"").append((String) db.get("spec", "name")).append("\" OWNER \"")
                    .append((String) db.get("spec", "owner")).append("\";\n");
        }
        Path file = dir.resolve("init.sql");
        Files.writeString(file, sql.toString());
        run("chmod", "644", file.toString());
        asPostgres(PG_BIN + "/psql -q -v ON_ERROR_STOP=1 -h " + root + " -p " + pgPort + " -U postgres -f " + file);
    }

    private String role(String name, String secretName) {
        assertThat(secret(secretName, "username")).isEqualTo(name);
        return "CREATE ROLE \"" + name + "\" LOGIN PASSWORD '" + secret(secretName, "password") + "';\n";
    }

    /** Runs SQL in database {@code db} as the superuser; returns the unaligned output. */
    String sql(String db, String statement) throws IOException {
        Path file = dir.resolve("q-" + UUID.randomUUID() + ".sql");
        Files.writeString(file, statement);
        run("chmod", "644", file.toString());
        return asPostgres(PG_BIN + "/psql -qtA -v ON_ERROR_STOP=1 -h " + dir.resolve("pg") + " -p " + pgPort
                + " -U postgres -d " + db + " -f " + file);
    }

    // ------------------------------------------------------------------ Kafka

    private void startKafka(Manifests.Rendered rendered) throws Exception {
        List<GenericKubernetesResource> users = rendered.generic("KafkaUser");
        assertThat(users).as("KafkaUsers of %s", overlay).isNotEmpty();
        List<String> scram = new ArrayList<>();
        for (GenericKubernetesResource u : users) {
            String name = u.getMetadata().getName();
            assertThat((String) u.get("spec", "authentication", "type")).isEqualTo("scram-sha-512");
            String pw = password();
            kafkaUsers.add(name);
            secrets.put(name, Map.of("password", pw, "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                            + "\" password=\"" + pw + "\";"));
            scram.add("SCRAM-SHA-512=[name=" + name + ",password=" + pw + "]");
        }
        Path kdir = dir.resolve("kafka");
        Files.createDirectories(kdir.resolve("data"));
        int controller = freePort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        p.put("listeners", "SASL_SSL://127.0.0.1:" + kafkaSaslPort + ",PLAINTEXT://127.0.0.1:" + kafkaAdminPort
                + ",CONTROLLER://127.0.0.1:" + controller);
        // clients inside the service's namespace reach the SASL_SSL listener as the bootstrap host of its config
        p.put("advertised.listeners", "SASL_SSL://" + kafkaBootstrapHost + ":" + kafkaBootstrapPort
                + ",PLAINTEXT://127.0.0.1:" + kafkaAdminPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("ssl.keystore.type", "PEM");
        p.put("ssl.keystore.certificate.chain", Files.readString(dir.resolve("ca/broker.crt")));
        p.put("ssl.keystore.key", Files.readString(dir.resolve("ca/broker.key")));
        // deny by default: only the rendered KafkaUser ACLs; the admin/inter-broker listener is the test's own
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("auto.create.topics.enable", "false");
        p.put("log.dirs", kdir.resolve("data").toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        Path props = kdir.resolve("server.properties");
        try (var out = Files.newOutputStream(props)) {
            p.store(out, "boot test broker");
        }
        List<String> format = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "kafka.tools.StorageTool", "format", "-t", org.apache.kafka.common.Uuid.randomUuid().toString(),
                "-c", props.toString()));
        for (String s : scram) {
            format.add("--add-scram");
            format.add(s);
        }
        run(format.toArray(String[]::new));
        kafka = new ProcessBuilder(java(), "-Xmx384m", "-cp", System.getProperty("java.class.path"), "kafka.Kafka",
                props.toString()).redirectErrorStream(true).redirectOutput(kdir.resolve("kafka.log").toFile())
                .start();
        try (Admin admin = admin()) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 1);
            List<NewTopic> topics = new ArrayList<>();
            for (GenericKubernetesResource t : rendered.generic("KafkaTopic")) {
                topics.add(new NewTopic((String) t.get("spec", "topicName"),
                        ((Number) t.get("spec", "partitions")).intValue(), (short) 1));
            }
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            List<AclBinding> acls = new ArrayList<>();
            for (GenericKubernetesResource u : users) {
                List<Map<String, Object>> rules = u.get("spec", "authorization", "acls");
                for (Map<String, Object> rule : rules) {
                    Map<?, ?> res = (Map<?, ?>) rule.get("resource");
                    ResourcePattern pattern = new ResourcePattern(
                            ResourceType.fromString(((String) res.get("type")).toUpperCase()), (String) res.get("name"),
                            PatternType.fromString(String.valueOf(res.get("patternType")).toUpperCase()));
                    for (Object op : (List<?>) rule.get("operations")) {
                        acls.add(new AclBinding(pattern, new AccessControlEntry("User:" + u.getMetadata().getName(),
                                "*", AclOperation.fromString(op.toString().toUpperCase()), AclPermissionType.ALLOW)));
                    }
                }
            }
            admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** An admin client on the test's own listener (super user), for set-up and for reading what services wrote. */
    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, adminBootstrap()));
    }

    String adminBootstrap() {
        return "127.0.0.1:" + kafkaAdminPort;
    }

    // ------------------------------------------------------------------ helpers

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String pgBin() {
        try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            return dirs.map(d -> d.resolve("bin")).filter(d -> Files.isExecutable(d.resolve("initdb")))
                    .map(Path::toString).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("PostgreSQL server binaries are needed (./dev infra up)"));
        } catch (IOException e) {
            throw new AssertionError("PostgreSQL server binaries are needed (./dev infra up)", e);
        }
    }

    private String asPostgres(String command) throws IOException {
        return run("su", "postgres", "-s", "/bin/sh", "-c", "cd /tmp && " + command);
    }

    static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs
        }
        stopServers();
    }

    private void stopServers() {
        if (kubernetes != null) {
            try {
                kubernetes.destroy();
            } catch (RuntimeException e) {
                // stopping anyway
            }
        }
        if (kafka != null) {
            kafka.destroy();
            try {
                if (!kafka.waitFor(20, TimeUnit.SECONDS)) {
                    kafka.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                kafka.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (Files.exists(dir.resolve("pg/data/postmaster.pid"))) {
                asPostgres(PG_BIN + "/pg_ctl -D " + dir.resolve("pg/data") + " -m immediate -w stop >/dev/null");
            }
        } catch (AssertionError | IOException e) {
            // already stopped
        }
        try {
            run("rm", "-rf", dir.toString());
        } catch (AssertionError | IOException e) {
            // a temporary folder left behind
        }
    }
}
