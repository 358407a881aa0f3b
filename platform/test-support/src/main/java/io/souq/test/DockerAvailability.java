package io.souq.test;

import org.testcontainers.DockerClientFactory;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether a Docker engine is reachable, asked once per JVM.
 * {@code souq.test.docker=false} forces the embedded infrastructure even where Docker
 * runs.
 */
public final class DockerAvailability {

	private static volatile Boolean available;

	private DockerAvailability() {
	}

	public static boolean isAvailable() {
		Boolean known = available;
		if (known == null) {
			synchronized (DockerAvailability.class) {
				known = available;
				if (known == null) {
					known = !"false".equalsIgnoreCase(System.getProperty("souq.test.docker", "true")) && probe();
					available = known;
				}
			}
		}
		return known;
	}

	private static boolean probe() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	static final class Present implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isAvailable();
		}

	}

	static final class Absent implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !isAvailable();
		}

	}

}
