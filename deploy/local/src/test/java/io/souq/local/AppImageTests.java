package io.souq.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AppImageTests {

	@TempDir
	Path dir;

	@Test
	void theFingerprintIgnoresTimestampsEvenInsideTheProjectsOwnJars() throws IOException {
		Path first = bootJar("first.jar", 1_000_000_000_000L, "class A v1");
		Path second = bootJar("second.jar", 1_700_000_000_000L, "class A v1");
		assertThat(AppImage.fingerprint(first)).hasSize(64).isEqualTo(AppImage.fingerprint(second));
	}

	@Test
	void theFingerprintChangesWithTheContent() throws IOException {
		Path first = bootJar("first.jar", 1_000_000_000_000L, "class A v1");
		Path changed = bootJar("changed.jar", 1_000_000_000_000L, "class A v2");
		assertThat(AppImage.fingerprint(first)).isNotEqualTo(AppImage.fingerprint(changed));
	}

	@Test
	void aMissingJarNamesTheModule() {
		AppImage image = new AppImage(Component.named("cart-service"), this.dir, new SouqHome(this.dir.resolve("h")),
				new Launcher(new SouqHome(this.dir.resolve("h")), Launcher.currentJava()));
		assertThatExceptionOfType(SouqException.class).isThrownBy(image::requireBuilt)
			.withMessageContaining("cart-service: souq-cart-service-exec.jar is missing in cart-service/target")
			.withMessageContaining("./mvnw -pl cart-service -am -DskipTests install");
		assertThat(image.jar()).isEqualTo(this.dir.resolve("h/apps/cart-service/souq-cart-service-exec.jar"));
	}

	@Test
	void runArgumentsUseTheExtractedJarAndTheCache() {
		SouqHome home = new SouqHome(this.dir.resolve("h"));
		AppImage image = new AppImage(Component.GATEWAY, this.dir, home, new Launcher(home, Launcher.currentJava()));
		assertThat(image.runArguments(java.util.List.of("-Xmx192m"), true)).containsExactly("-Xmx192m",
				"-XX:AOTCache=" + home.apps().resolve("gateway/app.aot"), "-jar",
				home.apps().resolve("gateway/souq-gateway-exec.jar").toString());
		assertThat(image.runArguments(java.util.List.of(), false)).containsExactly("-jar",
				home.apps().resolve("gateway/souq-gateway-exec.jar").toString());
	}

	private Path bootJar(String name, long time, String classContent) throws IOException {
		Map<String, byte[]> nested = new LinkedHashMap<>();
		nested.put("io/souq/starter/Starter.class", "starter".getBytes(StandardCharsets.UTF_8));
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("BOOT-INF/classes/io/souq/A.class", classContent.getBytes(StandardCharsets.UTF_8));
		entries.put("BOOT-INF/lib/souq-starter-0.1.0-SNAPSHOT.jar", zip(nested, time + 5000));
		entries.put("BOOT-INF/lib/third-party-1.0.jar", zip(Map.of("x/Y.class", new byte[] { 1, 2 }), 0));
		Path jar = this.dir.resolve(name);
		Files.write(jar, zip(entries, time));
		return jar;
	}

	private static byte[] zip(Map<String, byte[]> entries, long time) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				ZipEntry zipEntry = new ZipEntry(entry.getKey());
				zipEntry.setLastModifiedTime(FileTime.fromMillis(time));
				zip.putNextEntry(zipEntry);
				OutputStream out = zip;
				out.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
