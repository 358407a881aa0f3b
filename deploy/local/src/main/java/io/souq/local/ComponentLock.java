package io.souq.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The lock that serialises the starts and stops of one component: an exclusive
 * {@link FileLock} on {@code locks/<component>.lock}, held from the start of a start
 * until the component is ready (or of a stop until its process is gone). {@code ./souq}
 * commands run in separate JVMs, so the lock is a file lock; within one JVM, where file
 * locks do not exclude each other (and closing any channel on the file would release them
 * all), a semaphore per file comes first. The holder writes its pid and what it does into
 * the file, for the messages of those who wait.
 */
final class ComponentLock implements AutoCloseable {

	private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

	private final Semaphore local;

	private final FileChannel channel;

	private final FileLock lock;

	private ComponentLock(Semaphore local, FileChannel channel, FileLock lock) {
		this.local = local;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * The lock file of a component.
	 * @param home the platform's home
	 * @param component the component's name
	 * @return {@code locks/<component>.lock}
	 */
	static Path file(SouqHome home, String component) {
		return home.locks().resolve(component + ".lock");
	}

	/**
	 * Takes a component's lock, waiting as long as another command (or another thread)
	 * holds it.
	 * @param home the platform's home
	 * @param component the component's name
	 * @param action what the holder does, e.g. {@code starting}, for those who wait
	 * @param waiting told once, with the holder's description, if the lock is taken
	 * @return the lock, to be closed
	 * @throws SouqException if the wait is interrupted or the file cannot be locked
	 */
	static ComponentLock acquire(SouqHome home, String component, String action, Consumer<String> waiting) {
		Path file = file(home, component);
		Semaphore local = IN_THIS_JVM.computeIfAbsent(file, (key) -> new Semaphore(1));
		try {
			if (!local.tryAcquire()) {
				waiting.accept("this command");
				local.acquire();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SouqException(component + ": interrupted while waiting for its lock");
		}
		FileChannel channel = null;
		try {
			Files.createDirectories(file.getParent());
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				waiting.accept(holder(channel));
				lock = channel.lock();
			}
			channel.truncate(0);
			channel.write(ByteBuffer
				.wrap(("pid " + ProcessHandle.current().pid() + " " + action + "\n").getBytes(StandardCharsets.UTF_8)),
					0);
			return new ComponentLock(local, channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(channel);
			local.release();
			if (ex instanceof SouqException souq) {
				throw souq;
			}
			throw new SouqException(component + ": cannot lock " + file + ": " + ex, ex);
		}
	}

	/**
	 * What the holder wrote into the lock file, read through the waiter's own channel.
	 */
	private static String holder(FileChannel channel) {
		try {
			ByteBuffer buffer = ByteBuffer.allocate(200);
			int read = channel.read(buffer, 0);
			String content = (read > 0) ? new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip() : "";
			return content.isEmpty() ? "another ./souq command" : "another ./souq command (" + content + ")";
		}
		catch (IOException ex) {
			return "another ./souq command";
		}
	}

	/**
	 * Releases the lock.
	 */
	@Override
	public void close() {
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// closing the channel releases it too
		}
		finally {
			closeQuietly(this.channel);
			this.local.release();
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// nothing to do
			}
		}
	}

}
