package dev.pulse.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deployment recipes under {@code deploy/}, checked as far as can be without a cluster: the
 * Kubernetes manifests parse, run the image the build makes, probe the worker, and take the secrets
 * from the Secret; the systemd units stop a worker with SIGTERM and wait long enough.
 */
class DeployRecipesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path K8S = Path.of("deploy", "k8s");

  private static JsonNode manifest(String file) throws IOException {
    return YAML.readTree(Files.readString(K8S.resolve(file)));
  }

  private static JsonNode workerContainer() throws IOException {
    JsonNode d = manifest("worker-deployment.yaml");
    assertThat(d.path("kind").asText()).isEqualTo("Deployment");
    return d.path("spec").path("template").path("spec").path("containers").get(0);
  }

  @Test
  void theWorkersRunTheImageJibBuilds() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m = Pattern.compile("<jib\\.image>([^<]+)</jib\\.image>").matcher(pom);
    assertThat(m.find()).as("pom.xml names the image in <jib.image>").isTrue();
    JsonNode c = workerContainer();
    assertThat(c.path("image").asText()).isEqualTo(m.group(1));
    assertThat(c.path("args").get(0).asText()).isEqualTo("worker");
  }

  @Test
  void bothProbesAskPulseStatusAboutThisPodsWorker() throws IOException {
    JsonNode c = workerContainer();
    for (String probe : List.of("livenessProbe", "readinessProbe")) {
      List<String> cmd = new ArrayList<>();
      c.path(probe).path("exec").path("command").forEach(n -> cmd.add(n.asText()));
      assertThat(cmd).as(probe).contains("dev.pulse.cli.PulseCli", "status", "--this-host");
      assertThat(c.path(probe).path("periodSeconds").asInt()).as(probe).isPositive();
    }
  }

  @Test
  void theApiKeyAndDatabasePasswordComeFromTheSecret() throws IOException {
    JsonNode secret = manifest("secret.yaml");
    assertThat(secret.path("kind").asText()).isEqualTo("Secret");
    String name = secret.path("metadata").path("name").asText();
    List<String> fromSecret = new ArrayList<>();
    for (JsonNode env : workerContainer().path("env")) {
      JsonNode ref = env.path("valueFrom").path("secretKeyRef");
      if (!ref.isMissingNode()) {
        assertThat(ref.path("name").asText()).isEqualTo(name);
        assertThat(secret.path("stringData").has(ref.path("key").asText())).isTrue();
        fromSecret.add(env.path("name").asText());
      } else {
        assertThat(env.path("name").asText()).doesNotContain("KEY", "PASSWORD");
      }
    }
    assertThat(fromSecret).containsExactlyInAnyOrder("OPENAI_API_KEY", "PULSE_STORE_PASSWORD");
  }

  @Test
  void theWorkersAskForResourcesAndOutwaitTheGracePeriod() throws IOException {
    JsonNode c = workerContainer();
    assertThat(c.path("resources").path("requests").path("cpu").asText()).isNotEmpty();
    assertThat(c.path("resources").path("requests").path("memory").asText()).isNotEmpty();
    JsonNode pod = manifest("worker-deployment.yaml").path("spec").path("template").path("spec");
    assertThat(pod.path("terminationGracePeriodSeconds").asInt())
        .isGreaterThan((int) WorkerSettings.DEFAULTS.grace().toSeconds());
  }

  /** The JVM options of the k8s workers (JAVA_TOOL_OPTIONS). */
  private static String workerJvmOptions() throws IOException {
    for (JsonNode env : workerContainer().path("env")) {
      if (env.path("name").asText().equals("JAVA_TOOL_OPTIONS")) {
        return env.path("value").asText();
      }
    }
    return "";
  }

  private static long mebibytes(String quantity) {
    Matcher m = Pattern.compile("(\\d+)(Mi|Gi|m|g)").matcher(quantity);
    assertThat(m.matches()).as(quantity).isTrue();
    long n = Long.parseLong(m.group(1));
    return m.group(2).equalsIgnoreCase("Gi") || m.group(2).equals("g") ? n * 1024 : n;
  }

  @Test
  void aWorkersHeapIsFixedTheSameEverywhereAndItsMemoryLimitHoldsItWithRoomOutside()
      throws IOException {
    String jvm = workerJvmOptions();
    assertThat(jvm).contains("-XX:+UseSerialGC", "-Xms", "-Xmx");
    assertThat(Files.readString(Path.of("deploy", "systemd", "pulse-worker.service")))
        .contains("PULSE_JAVA_OPTS=" + jvm);
    Matcher xmx = Pattern.compile("-Xmx(\\d+[mg])").matcher(jvm);
    assertThat(xmx.find()).isTrue();
    long heap = mebibytes(xmx.group(1));
    JsonNode resources = workerContainer().path("resources");
    long request = mebibytes(resources.path("requests").path("memory").asText());
    long limit = mebibytes(resources.path("limits").path("memory").asText());
    // metaspace, code, threads and the collector need about 130 MB beside the heap
    assertThat(limit).isGreaterThanOrEqualTo(heap + 128);
    assertThat(request).isLessThanOrEqualTo(limit);
  }

  @Test
  void theConfigMapHoldsAConfigPulseAccepts() throws IOException {
    String yml = manifest("configmap.yaml").path("data").path("sources.yml").asText();
    JsonNode cfg = YAML.readTree(yml);
    assertThat(cfg.path("store").asText()).startsWith("postgresql://");
    assertThat(yml).doesNotContainIgnoringCase("password");
  }

  @Test
  void theSystemdWorkerStopsWithSigtermAndWaitsLongerThanTheGrace() throws IOException {
    String unit = Files.readString(Path.of("deploy", "systemd", "pulse-worker.service"));
    assertThat(unit).contains("ExecStart=/srv/pulse/pulse worker", "KillSignal=SIGTERM");
    Matcher m = Pattern.compile("TimeoutStopSec=(\\d+)").matcher(unit);
    assertThat(m.find()).isTrue();
    assertThat(Integer.parseInt(m.group(1)))
        .isGreaterThan((int) WorkerSettings.DEFAULTS.grace().toSeconds());
    String timer = Files.readString(Path.of("deploy", "systemd", "pulse-run.timer"));
    assertThat(timer).contains("OnCalendar=");
    assertThat(Files.readString(Path.of("deploy", "systemd", "pulse-run.service")))
        .contains("ExecStart=/srv/pulse/pulse run");
  }
}
