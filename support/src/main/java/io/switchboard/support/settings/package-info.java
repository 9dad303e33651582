/**
 * The one way every provider reads its configuration: a typed settings record built from the metatype
 * interface DS hands it, each value checked against its rule by a {@link io.switchboard.support.settings.SettingsReader},
 * and a refusal that names the PID, the key, the value and the rule. Copied into each bundle privately;
 * not an API.
 */
package io.switchboard.support.settings;
