package io.souq.starter;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this running instance of a service, as shown to operators
 * ({@code order-service@host:pid}).
 */
public final class ServiceInstance {

	private ServiceInstance() {
	}

	public static String name(String service) {
		return service + "@" + host() + ":" + ProcessHandle.current().pid();
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

}
