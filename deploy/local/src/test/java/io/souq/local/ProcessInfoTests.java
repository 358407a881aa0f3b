package io.souq.local;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessInfoTests {

	@Test
	void readsVmRssFromProcStatus() {
		String status = """
				Name:	java
				VmPeak:	 5012344 kB
				VmRSS:	  361728 kB
				RssAnon:	  300000 kB
				""";
		assertThat(ProcessInfo.parseVmRssKib(status)).isEqualTo(361728);
		assertThat(ProcessInfo.parseVmRssKib("Name:\tkthreadd\n")).isZero();
	}

	@Test
	void theCurrentProcessHasAnRssAndACommandLine() {
		long pid = ProcessHandle.current().pid();
		assertThat(ProcessInfo.rssKib(pid)).isPositive();
		assertThat(ProcessInfo.commandLine(ProcessHandle.current())).isNotEmpty();
		assertThat(ProcessInfo.rssKib(Long.MAX_VALUE)).isZero();
	}

	@Test
	void splitsProcCmdline() {
		byte[] cmdline = "java\0-Dsouq.component=kafka\0kafka.Kafka\0".getBytes(StandardCharsets.UTF_8);
		assertThat(ProcessInfo.splitCmdline(cmdline)).containsExactly("java", "-Dsouq.component=kafka", "kafka.Kafka");
		assertThat(ProcessInfo.splitCmdline("a\0b".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "b");
		assertThat(ProcessInfo.splitCmdline(new byte[0])).isEmpty();
	}

	@Test
	void readsTheStateFromProcStat() {
		assertThat(ProcessInfo.stateOf("6454 (java) S 1 6454 6454 0 -1")).isEqualTo('S');
		assertThat(ProcessInfo.stateOf("6454 (a (weird) name) Z 1 6454")).isEqualTo('Z');
		assertThat(ProcessInfo.stateOf("garbage")).isEqualTo('?');
		assertThat(ProcessInfo.isRunning(ProcessHandle.current())).isTrue();
	}

	@Test
	void aZombieIsNotRunning() throws Exception {
		Process process = new ProcessBuilder("true").start();
		process.waitFor();
		assertThat(ProcessInfo.isRunning(process.toHandle())).isFalse();
	}

	@Test
	void formatsSizes() {
		assertThat(ProcessInfo.formatKib(0)).isEqualTo("0 MiB");
		assertThat(ProcessInfo.formatKib(361728)).isEqualTo("353 MiB");
		assertThat(ProcessInfo.formatKib(3 * 1024 * 1024 + 512 * 1024)).isEqualTo("3.5 GiB");
	}

}
