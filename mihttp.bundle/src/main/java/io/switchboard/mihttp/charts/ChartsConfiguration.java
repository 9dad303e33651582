package io.switchboard.mihttp.charts;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/*
 * The names, descriptions and defaults here are the only ones: the runnable jar's commented
 * etc/switchboard.mi_charts.cfg is written from them. A double underscore in a method name is one
 * underscore in the key.
 */
@ObjectClassDefinition(id = ChartsSettings.PID, name = "Switchboard MI charts",
        description = "The statistics view of the MI web page (GET /mi/?view=statistics): requests per second and "
                + "p99 latency per httpd root, and REST client calls per second by outcome, drawn from samples kept "
                + "in memory.")
@interface ChartsConfiguration {

    @AttributeDefinition(name = "sample_interval",
            description = "Seconds between two samples, 1 to 60. The charts keep the last 90 samples, so they span 90 "
                    + "times this: 15 minutes at the default 10 s. A shorter interval draws finer charts over a "
                    + "shorter span in the same memory.")
    int sample__interval() default 10;
}
