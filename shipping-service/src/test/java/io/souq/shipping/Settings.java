package io.souq.shipping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * {@link ShippingProperties} bound as the service binds them, without a Spring context:
 * the shipped {@code application.yml}, optionally with overrides.
 */
final class Settings {

	private Settings() {
	}

	/** The settings of {@code application.yml}. */
	static ShippingProperties defaults() {
		return with(Map.of());
	}

	/** The settings of {@code application.yml} with some properties overridden. */
	static ShippingProperties with(Map<String, String> overrides) {
		try {
			Iterable<ConfigurationPropertySource> yml = ConfigurationPropertySources
				.from(new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml")));
			MapConfigurationPropertySource override = new MapConfigurationPropertySource(overrides);
			List<ConfigurationPropertySource> sources = new ArrayList<>();
			sources.add(override);
			yml.forEach(sources::add);
			return new Binder(sources).bindOrCreate("souq.shipping", ShippingProperties.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
