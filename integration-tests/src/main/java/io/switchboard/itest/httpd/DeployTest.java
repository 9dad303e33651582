package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Examples;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/** Hot deploy as the container does it: FileInstall watching a deploy folder. */
class DeployTest {
    @InjectService
    ConfigurationAdmin configAdmin;
    Path deploy;
    Configuration watcher;
    int port;

    @BeforeEach
    void watchADeployFolder() throws Exception {
        port = Httpd.port();
        deploy = Files.createTempDirectory("deploy");
        watcher = configAdmin.createFactoryConfiguration("org.apache.felix.fileinstall", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("felix.fileinstall.dir", deploy.toString());
        properties.put("felix.fileinstall.poll", "200");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        watcher.update(properties);
    }

    @AfterEach
    void stopWatching() throws Exception {
        watcher.delete();
    }

    @Test
    void aBundleDroppedInServesItsRootAndGoesWhenRemoved() throws Exception {
        Path jar = deploy.resolve("hello.jar");
        Files.copy(Examples.helloJar(), jar);
        assertThat(poll("/hello/deploy", 200)).isEqualTo("hello, deploy\n");
        Files.delete(jar);
        assertThat(poll("/hello/deploy", 404)).contains("no handler for root /hello");
    }

    /** FileInstall acts on its own schedule: ask until the expected status, for 20 s at most. */
    private String poll(String path, int status) throws Exception {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        Configs.await(path + " answering " + status, Duration.ofSeconds(20), () -> {
            last.set(Loopback.get(port, path));
            return last.get().statusCode() == status;
        });
        return last.get().body();
    }
}
