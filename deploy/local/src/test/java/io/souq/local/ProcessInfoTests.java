package io.souq.local;

import java.net.InetAddress;
import java.net.ServerSocket;
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
	void findsTheListeningSocketsOfAPortInProcNetTcp() {
		String table = """
				  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
				   0: 0100007F:2135 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41234 1 0
				   1: 0100007F:2135 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 41299 1 0
				   2: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41300 1 0
				""";
		assertThat(ProcessInfo.listeningInodes(table, 0x2135)).containsExactly("41234");
		assertThat(ProcessInfo.listeningInodes(table, 8080)).containsExactly("41300");
		assertThat(ProcessInfo.listeningInodes(table, 9092)).isEmpty();
		String ipv6 = "   0: 0000000000000000FFFF00000100007F:1F95 00000000000000000000000000000000:0000 0A "
				+ "00000000:00000000 00:00000000 00000000     0        0 52000 1 0\n";
		assertThat(ProcessInfo.listeningInodes(ipv6, 8085)).containsExactly("52000");
	}

	@Test
	void findsTheProcessListeningOnAPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThat(ProcessInfo.listeningPid(socket.getLocalPort())).hasValue(ProcessHandle.current().pid());
		}
	}

	@Test
	void formatsSizes() {
		assertThat(ProcessInfo.formatKib(0)).isEqualTo("0 MiB");
		assertThat(ProcessInfo.formatKib(361728)).isEqualTo("353 MiB");
		assertThat(ProcessInfo.formatKib(3 * 1024 * 1024 + 512 * 1024)).isEqualTo("3.5 GiB");
	}

}
