package io.souq.local;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for {@link ComponentLockIT}: takes a component's lock, says
 * {@code locked}, holds it until a line arrives on standard input, then says
 * {@code released}.
 */
final class ComponentLockHolder {

	private ComponentLockHolder() {
	}

	public static void main(String[] args) throws Exception {
		SouqHome home = new SouqHome(Path.of(args[0]));
		try (ComponentLock lock = ComponentLock.acquire(home, args[1], "starting " + args[1],
				(holder) -> System.out.println("waiting for " + holder))) {
			System.out.println("locked");
			System.out.flush();
			new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		}
		System.out.println("released");
		System.out.flush();
	}

}
