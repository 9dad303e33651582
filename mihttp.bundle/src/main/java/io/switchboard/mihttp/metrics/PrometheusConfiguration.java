package io.switchboard.mihttp.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/*
 * Keys keep OpenSIPS prometheus's modparam names; a double underscore in a method name is one underscore
 * in the key. The names, descriptions and defaults here are the only ones: the runnable jar's commented
 * etc/switchboard.prometheus.cfg is written from them.
 */
@ObjectClassDefinition(id = PrometheusSettings.PID, name = "Switchboard prometheus",
        description = "The Prometheus endpoint (OpenSIPS prometheus): GET /metrics serves every statistics group "
                + "and the JVM's metrics as Prometheus text, or OpenMetrics when asked, to the clients the MI "
                + "answers (switchboard.mi_http: local clients, or its users with HTTP Basic).")
@interface PrometheusConfiguration {

    @AttributeDefinition(name = "root", description = "The httpd root Prometheus scrapes: one path segment.")
    String root() default "metrics";

    @AttributeDefinition(name = "prefix",
            description = "The start of every statistic's name: letters, digits and _, not starting with a digit; "
                    + "empty for none.")
    String prefix() default "switchboard";

    @AttributeDefinition(name = "delimiter",
            description = "What separates the prefix, the group and the statistic's name: letters, digits and _, "
                    + "or empty.")
    String delimiter() default "_";

    @AttributeDefinition(name = "group_mode",
            description = "Where a statistic's group goes: 0 = nowhere (a name two groups share is served for "
                    + "the first group only), 1 = into the name (prefix_group_name), 2 = into the label "
                    + "group_label (one metric per name, a series per group).")
    int group__mode() default 1;

    @AttributeDefinition(name = "group_prefix",
            description = "Put before the group's name, in the metric's name (group_mode 1) or in the label "
                    + "(group_mode 2): letters, digits and _, or empty.")
    String group__prefix() default "";

    @AttributeDefinition(name = "group_label",
            description = "The label that holds the group when group_mode is 2: letters, digits and _, not "
                    + "starting with a digit or __, not le or quantile.")
    String group__label() default "group";

    @AttributeDefinition(name = "open_scrape",
            description = "Serve every client without the MI's access rules: no password, from any address. Off: "
                    + "local clients while the MI has no users, else the MI's users with HTTP Basic.")
    boolean open__scrape() default false;
}
