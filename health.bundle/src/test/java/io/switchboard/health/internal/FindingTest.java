package io.switchboard.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class FindingTest {
    private static ComponentDescriptionDTO component() {
        ComponentDescriptionDTO component = new ComponentDescriptionDTO();
        component.name = "io.switchboard.x.Thing";
        component.defaultEnabled = true;
        ReferenceDTO reference = new ReferenceDTO();
        reference.name = "registry";
        reference.interfaceName = "io.switchboard.x.Registry";
        component.references = new ReferenceDTO[] { reference };
        return component;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return configuration;
    }

    @Test
    void anActiveBundleIsFineAndAStoppedOneIsCritical() {
        assertThat(Finding.ofBundle("switchboard.x (5)", Bundle.ACTIVE)).isEmpty();
        assertThat(Finding.ofBundle("switchboard.x (5)", Bundle.RESOLVED)).contains(
                new Finding(Result.Status.CRITICAL, "bundle switchboard.x (5) is stopped (RESOLVED)"));
        assertThat(Finding.ofBundle("switchboard.x (5)", Bundle.INSTALLED).orElseThrow().message())
                .contains("not resolved");
    }

    @Test
    void aBundleBetweenRevisionsIsTemporarilyUnavailable() {
        assertThat(Finding.ofBundle("switchboard.x (5)", Bundle.STOPPING).orElseThrow().status())
                .isEqualTo(Result.Status.TEMPORARILY_UNAVAILABLE);
        assertThat(Finding.ofBundle("switchboard.x (5)", Bundle.STARTING).orElseThrow().status())
                .isEqualTo(Result.Status.TEMPORARILY_UNAVAILABLE);
    }

    @Test
    void activeAndSatisfiedComponentsAndThoseWaitingForAFactoryConfigurationAreFine() {
        assertThat(Finding.ofComponent("b", component(), true, new ComponentConfigurationDTO[] {
                configuration(ComponentConfigurationDTO.ACTIVE), configuration(ComponentConfigurationDTO.SATISFIED),
                configuration(ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) })).isEmpty();
    }

    @Test
    void aMissingServiceIsNamedWithItsInterfaceAndTarget() {
        ComponentConfigurationDTO unsatisfied = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO missing = new UnsatisfiedReferenceDTO();
        missing.name = "registry";
        missing.target = "(kind=main)";
        unsatisfied.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] { missing };
        assertThat(Finding.ofComponent("switchboard.x (5)", component(), true,
                new ComponentConfigurationDTO[] { unsatisfied })).containsExactly(new Finding(Result.Status.CRITICAL,
                        "component io.switchboard.x.Thing of switchboard.x (5) is unsatisfied: no service for its "
                                + "reference registry (io.switchboard.x.Registry (kind=main))"));
    }

    @Test
    void aFailedActivationGivesTheFirstLineOfDsReason() {
        ComponentConfigurationDTO failed = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        failed.failure = "java.lang.IllegalStateException: port taken\n\tat io.switchboard.x.Thing.<init>(Thing.java:1)";
        assertThat(Finding.ofComponent("b", component(), true, new ComponentConfigurationDTO[] { failed }))
                .extracting(Finding::message)
                .containsExactly("component io.switchboard.x.Thing of b failed to activate: "
                        + "java.lang.IllegalStateException: port taken");
    }

    @Test
    void aDisabledComponentCountsOnlyWhenItIsMeantToBeEnabled() {
        ComponentDescriptionDTO component = component();
        assertThat(Finding.ofComponent("b", component, false, new ComponentConfigurationDTO[0]))
                .extracting(Finding::message).containsExactly("component io.switchboard.x.Thing of b is disabled");
        component.defaultEnabled = false;
        assertThat(Finding.ofComponent("b", component, false, new ComponentConfigurationDTO[0])).isEmpty();
    }
}
