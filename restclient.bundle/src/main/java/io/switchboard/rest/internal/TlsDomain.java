package io.switchboard.rest.internal;

import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.support.settings.SettingRefusedException;

/**
 * One TLS client domain, from one factory configuration of {@value #FACTORY_PID}. The REST client
 * tracks these services; a domain whose configuration was never valid offers nothing, and a refused
 * change keeps the last valid settings.
 */
@Component(service = TlsDomain.class, configurationPid = TlsDomain.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = TlsDomainConfiguration.class, factory = true)
public final class TlsDomain {
    static final String FACTORY_PID = "switchboard.rest_client.tls";
    private static final Logger LOG = LoggerFactory.getLogger(TlsDomain.class);

    private volatile TlsDomainSettings settings;

    @Activate
    public TlsDomain(TlsDomainConfiguration config, Map<String, Object> properties) {
        modified(config, properties);
    }

    /** DS updates this service's properties after this returns, and the REST client re-reads it then. */
    @Modified
    void modified(TlsDomainConfiguration config, Map<String, Object> properties) {
        String pid = String.valueOf(properties.getOrDefault(Constants.SERVICE_PID, FACTORY_PID));
        try {
            settings = TlsDomainSettings.from(config, pid, properties);
            LOG.info("TLS client domain {} configured ({})", settings.name(), pid);
        } catch (SettingRefusedException refused) {
            LOG.error("{}; {}", refused.getMessage(), settings == null
                    ? "the domain is unusable until a valid configuration arrives"
                    : "the previous configuration of domain " + settings.name() + " stays in force");
        }
    }

    /** @return the last valid settings, or {@code null} if there never were any */
    TlsDomainSettings settings() {
        return settings;
    }
}
