package io.souq.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PidFileTests {

	@TempDir
	Path dir;

	@Test
	void writesAndReadsThePid() {
		PidFile pidFile = PidFile.of(new SouqHome(this.dir), "kafka");
		assertThat(pidFile.read()).isEmpty();
		pidFile.write(4242);
		assertThat(pidFile.path()).isEqualTo(this.dir.resolve("run/kafka.pid")).hasContent("4242");
		assertThat(pidFile.read()).hasValue(4242);
		pidFile.delete();
		assertThat(pidFile.path()).doesNotExist();
	}

	@Test
	void garbageIsNoPid() {
		assertThat(PidFile.parse("12 13")).isEmpty();
		assertThat(PidFile.parse("")).isEmpty();
		assertThat(PidFile.parse("-5")).isEmpty();
		assertThat(PidFile.parse(" 77\n")).hasValue(77);
	}

	@Test
	void aFileWithGarbageIsStaleAndRemoved() throws IOException {
		PidFile pidFile = PidFile.of(new SouqHome(this.dir), "smtp");
		Files.createDirectories(pidFile.path().getParent());
		Files.writeString(pidFile.path(), "not a pid");
		assertThat(pidFile.liveProcess()).isEmpty();
		assertThat(pidFile.path()).doesNotExist();
	}

	@Test
	void aLiveProcessThatIsNotOursIsStaleAndRemoved() {
		PidFile pidFile = PidFile.of(new SouqHome(this.dir), "mongo");
		pidFile.write(ProcessHandle.current().pid());
		assertThat(pidFile.liveProcess()).isEmpty();
		assertThat(pidFile.path()).doesNotExist();
	}

	@Test
	void aDeadProcessIsStaleAndRemoved() throws Exception {
		Process process = new ProcessBuilder("true").start();
		process.waitFor();
		PidFile pidFile = PidFile.of(new SouqHome(this.dir), "mongo");
		pidFile.write(process.pid());
		assertThat(pidFile.liveProcess()).isEmpty();
		assertThat(pidFile.path()).doesNotExist();
	}

	@Test
	void aLiveProcessWithOurMarkersIsRunning() throws Exception {
		SouqHome home = new SouqHome(this.dir);
		Process process = new ProcessBuilder("sh", "-c", "read line", PidFile.componentMarker("mongo"),
				PidFile.homeMarker(home))
			.start();
		try {
			PidFile pidFile = PidFile.of(home, "mongo");
			pidFile.write(process.pid());
			assertThat(pidFile.liveProcess()).map(ProcessHandle::pid).hasValue(process.pid());
			assertThat(pidFile.path()).exists();
			PidFile otherHome = PidFile.of(new SouqHome(this.dir.resolve("other")), "mongo");
			otherHome.write(process.pid());
			assertThat(otherHome.liveProcess()).isEmpty();
		}
		finally {
			process.destroyForcibly().waitFor();
		}
	}

	@Test
	void commandLinesMatchOnBothMarkers() {
		SouqHome home = new SouqHome(Path.of("/tmp/h"));
		assertThat(PidFile.commandLineMatches(List.of("java", "-Dsouq.component=kafka", "-Dsouq.home=/tmp/h", "x"),
				"kafka", home))
			.isTrue();
		assertThat(PidFile.commandLineMatches(List.of("java", "-Dsouq.component=kafka", "-Dsouq.home=/tmp/other"),
				"kafka", home))
			.isFalse();
		assertThat(PidFile.commandLineMatches(List.of("java", "-Dsouq.component=kafka2", "-Dsouq.home=/tmp/h"), "kafka",
				home))
			.isFalse();
		assertThat(PidFile.commandLineMatches(List.of(), "kafka", home)).isFalse();
	}

}
