package io.switchboard.health.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The service properties of one of Switchboard's own health checks ({@code hc.name}, {@code hc.tags},
 * {@code hc.resultCacheTtlInMs}), as a user's check would set them.
 */
@ComponentPropertyType
@Retention(CLASS)
@Target(TYPE)
@interface SwitchboardCheck {
    String PREFIX_ = "hc.";

    /** @return the check's name ({@code hc.name}), as the results list it */
    String name();

    /** @return {@code hc.tags}: the tag {@code /health} runs by default */
    String[] tags() default HealthSettings.TAG;

    /**
     * @return {@code hc.resultCacheTtlInMs}: 0, so that every run sees the state of the moment (a hold
     *         shows at once); Felix keeps other checks' results for 2 s unless they say otherwise
     */
    long resultCacheTtlInMs() default 0L;
}
