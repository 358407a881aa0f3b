package io.souq.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InfraCacheTests {

	@TempDir
	Path dir;

	@Test
	void recordsFirstThenUsesTheCacheTheJvmWrote() throws Exception {
		Path lib = Files.createDirectories(this.dir.resolve("lib"));
		Files.writeString(lib.resolve("kafka.jar"), "v1");
		InfraCache cache = new InfraCache(this.dir.resolve("apps/kafka"), List.of(lib), List.of("-Xmx256m"));
		assertThat(cache.option()).isEqualTo("-XX:AOTCacheOutput=" + cache.cache());
		assertThat(cache.usable()).isFalse();
		Files.writeString(cache.cache(), "cache");
		assertThat(cache.usable()).isTrue();
		assertThat(cache.option()).isEqualTo("-XX:AOTCache=" + cache.cache());
	}

	@Test
	void aHalfWrittenCacheIsNotUsed() throws Exception {
		InfraCache cache = new InfraCache(this.dir.resolve("apps/smtp"), List.of(), List.of());
		cache.option();
		Files.writeString(cache.cache(), "partial");
		Files.writeString(cache.cache().resolveSibling("infra.aot.config"), "config");
		assertThat(cache.usable()).isFalse();
		assertThat(cache.option()).startsWith("-XX:AOTCacheOutput=");
		assertThat(cache.cache()).doesNotExist();
	}

	@Test
	void aChangedClasspathOrOptionDropsTheCache() throws Exception {
		Path lib = Files.createDirectories(this.dir.resolve("lib"));
		Files.writeString(lib.resolve("kafka.jar"), "v1");
		Path apps = this.dir.resolve("apps/kafka");
		InfraCache cache = new InfraCache(apps, List.of(lib), List.of("-Xmx256m"));
		cache.option();
		Files.writeString(cache.cache(), "cache");
		assertThat(new InfraCache(apps, List.of(lib), List.of("-Xmx512m")).usable()).isFalse();
		Files.writeString(lib.resolve("kafka.jar"), "version 2");
		assertThat(cache.usable()).isFalse();
		assertThat(cache.option()).startsWith("-XX:AOTCacheOutput=");
	}

}
