package io.souq.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./souq bench}: places orders through the gateway of a running platform at a
 * fixed arrival rate for a fixed time, as real customers would (each fills its cart,
 * checks out, then polls its order), and prints confirmed orders per second, the time
 * from {@code POST /api/orders} to {@code CONFIRMED} (p50/p95/p99) and the orders not
 * terminal at the end. An open workload: a new order starts every {@code 1/rate} seconds
 * whether or not earlier ones are done, so a slow platform shows as latency and backlog,
 * not as a lower offered rate.
 */
final class OrderBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration SETTLE = Duration.ofSeconds(60);

	private final URI gateway;

	private final String kafkaBootstrap;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Outcomes of orders seen on {@code order.events}, by order id. */
	private final Map<String, CompletableFuture<Seen>> seen = new ConcurrentHashMap<>();

	OrderBenchmark(URI gateway, String kafkaBootstrap, PrintStream out) {
		this.gateway = gateway;
		this.kafkaBootstrap = kafkaBootstrap;
		this.out = out;
	}

	/** An order's outcome as the stream told it, and when the benchmark saw it. */
	private record Seen(String status, String reason, long nanos) {
	}

	/**
	 * The settings of a run.
	 *
	 * @param rate orders started per second
	 * @param duration how long orders are started
	 * @param customers how many customers take turns (one order in flight each)
	 */
	record Settings(double rate, Duration duration, int customers) {

		static Settings parse(List<String> args) {
			double rate = 5;
			long seconds = 30;
			int customers = 0;
			for (int i = 0; i < args.size(); i++) {
				String arg = args.get(i);
				String value = (i + 1 < args.size()) ? args.get(i + 1) : null;
				switch (arg) {
					case "--rate" -> rate = positive(arg, value);
					case "--duration" -> seconds = (long) positive(arg, value);
					case "--customers" -> customers = (int) positive(arg, value);
					default -> throw new UsageException("bench: unknown option '" + arg + "'");
				}
				i++;
			}
			return new Settings(rate, Duration.ofSeconds(seconds),
					(customers > 0) ? customers : (int) Math.min(400, Math.max(10, Math.ceil(rate * 20))));
		}

		private static double positive(String option, String value) {
			try {
				double number = Double.parseDouble(value);
				if (number > 0) {
					return number;
				}
			}
			catch (NullPointerException | NumberFormatException ex) {
				// reported below
			}
			throw new UsageException("bench: " + option + " needs a positive number");
		}

	}

	/** What happened to one order. */
	record Outcome(String status, String reason, long millisToOutcome) {
	}

	/** Runs the benchmark and prints its figures. */
	void run(Settings settings, String adminEmail, String adminPassword) {
		String admin = token(adminEmail, adminPassword);
		String productId = benchProduct(admin);
		this.out.printf(Locale.ROOT, "Preparing %d customers (registered, a card saved) ...%n", settings.customers());
		LinkedBlockingQueue<Customer> free = new LinkedBlockingQueue<>(customers(settings.customers()));
		int planned = (int) Math.round(settings.rate() * settings.duration().toSeconds());
		this.out.printf(Locale.ROOT, "Placing %d orders: %.1f per second for %d s, through %s ...%n", planned,
				settings.rate(), settings.duration().toSeconds(), this.gateway);
		List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
		Map<String, Integer> failures = new ConcurrentHashMap<>();
		AtomicInteger notTerminal = new AtomicInteger();
		OrderStream stream = new OrderStream();
		Thread listener = Thread.ofPlatform().name("bench-order-events").daemon().start(stream);
		stream.awaitAssigned();
		long begin = System.nanoTime();
		long intervalNanos = (long) (1_000_000_000L / settings.rate());
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < planned; i++) {
				long due = begin + i * intervalNanos;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Launcher.pause(Duration.ofNanos(wait));
				}
				executor.submit(() -> {
					Customer customer = null;
					try {
						customer = free.poll(SETTLE.toSeconds(), TimeUnit.SECONDS);
						if (customer == null) {
							failures.merge("no free customer", 1, Integer::sum);
							return;
						}
						Outcome outcome = order(customer, productId);
						if (outcome == null) {
							notTerminal.incrementAndGet();
						}
						else {
							outcomes.add(outcome);
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					catch (RuntimeException ex) {
						failures.merge(ex.getMessage(), 1, Integer::sum);
					}
					finally {
						if (customer != null) {
							free.add(customer);
						}
					}
				});
			}
			this.out.println("All orders started; waiting for the last ones to settle ...");
		}
		stream.stop();
		listener.interrupt();
		report(settings, planned, outcomes, notTerminal.get(), failures, Duration.ofNanos(System.nanoTime() - begin));
	}

	/**
	 * Reads {@code order.events} from its end as an analyst would, and completes the
	 * outcome of every order confirmed or cancelled: no polling load on the platform.
	 */
	private final class OrderStream implements Runnable {

		private final java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);

		private volatile boolean running = true;

		@Override
		public void run() {
			Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
					OrderBenchmark.this.kafkaBootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
					ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
					new StringDeserializer())) {
				List<TopicPartition> partitions = consumer.partitionsFor("order.events")
					.stream()
					.map((p) -> new TopicPartition(p.topic(), p.partition()))
					.toList();
				consumer.assign(partitions);
				consumer.seekToEnd(partitions);
				partitions.forEach(consumer::position);
				this.assigned.countDown();
				while (this.running) {
					for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
						long now = System.nanoTime();
						JsonNode event = JSON.readTree(record.value());
						String type = event.path("type").asString();
						if (type.equals("order.confirmed") || type.equals("order.cancelled")) {
							String status = type.equals("order.confirmed") ? "CONFIRMED" : "CANCELLED";
							outcome(record.key())
								.complete(new Seen(status, event.path("data").path("reason").asString(null), now));
						}
					}
				}
			}
			catch (org.apache.kafka.common.errors.InterruptException ex) {
				// stopped
			}
		}

		void awaitAssigned() {
			try {
				if (!this.assigned.await(30, TimeUnit.SECONDS)) {
					throw new SouqException("bench: cannot read order.events at " + OrderBenchmark.this.kafkaBootstrap);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void stop() {
			this.running = false;
		}

	}

	private CompletableFuture<Seen> outcome(String orderId) {
		return this.seen.computeIfAbsent(orderId, (id) -> new CompletableFuture<>());
	}

	/** Fills the cart, checks out, waits until the stream says confirmed or cancelled. */
	private Outcome order(Customer customer, String productId) {
		send("DELETE", "/api/cart", null, customer.token);
		HttpResponse<String> added = send("POST", "/api/cart/items",
				"{\"productId\": \"" + productId + "\", \"quantity\": 1}", customer.token);
		if (added.statusCode() != 200) {
			throw new IllegalStateException("add to cart answered " + added.statusCode());
		}
		long start = System.nanoTime();
		HttpResponse<String> placed = send("POST", "/api/orders",
				"""
						{"shippingAddress": {"name": "Bench", "line1": "1 Olaya Street", "city": "Riyadh", "postalCode": "12211",
						 "country": "SA"}, "paymentMethodToken": "%s", "shippingOption": "STANDARD"}"""
					.formatted(customer.card),
				customer.token);
		if (placed.statusCode() != 202) {
			throw new IllegalStateException("checkout answered " + placed.statusCode());
		}
		String id = JSON.readTree(placed.body()).path("id").asString();
		try {
			Seen seen = outcome(id).get(SETTLE.toSeconds(), TimeUnit.SECONDS);
			return new Outcome(seen.status(), seen.reason(), TimeUnit.NANOSECONDS.toMillis(seen.nanos() - start));
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return null;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause().toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private void report(Settings settings, int planned, List<Outcome> outcomes, int notTerminal,
			Map<String, Integer> failures, Duration elapsed) {
		List<Long> confirmed = outcomes.stream()
			.filter((o) -> o.status().equals("CONFIRMED"))
			.map(Outcome::millisToOutcome)
			.sorted()
			.toList();
		Map<String, Long> cancelled = new java.util.TreeMap<>();
		outcomes.stream()
			.filter((o) -> o.status().equals("CANCELLED"))
			.forEach((o) -> cancelled.merge(String.valueOf(o.reason()), 1L, Long::sum));
		this.out.println();
		this.out.printf(Locale.ROOT, "Offered: %.1f orders/s for %d s (%d orders, %d customers), run %s%n",
				settings.rate(), settings.duration().toSeconds(), planned, settings.customers(),
				LocalPlatform.seconds(elapsed));
		this.out.printf(Locale.ROOT, "Confirmed: %d (%.2f orders/s over the offered window)%n", confirmed.size(),
				confirmed.size() / (double) settings.duration().toSeconds());
		this.out.printf(Locale.ROOT, "POST /api/orders -> CONFIRMED: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
				percentile(confirmed, 50), percentile(confirmed, 95), percentile(confirmed, 99),
				confirmed.isEmpty() ? 0 : confirmed.get(confirmed.size() - 1));
		this.out.println("Cancelled: " + (cancelled.isEmpty() ? "none" : cancelled));
		this.out.println("Not terminal after " + SETTLE.toSeconds() + " s: " + notTerminal);
		if (!failures.isEmpty()) {
			this.out.println("Not placed: " + failures);
		}
	}

	static long percentile(List<Long> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private String benchProduct(String admin) {
		String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		HttpResponse<String> created = send("POST", "/api/products", """
				{"sku": "%s", "name": "Benchmark tea", "description": "Ordered by ./souq bench.",
				 "category": "bench", "weightGrams": 100, "prices": [{"amount": "5.00", "currency": "EUR"}]}"""
			.formatted(sku), admin);
		if (created.statusCode() != 201) {
			throw new SouqException("bench: creating the product answered " + created.statusCode());
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (send("PUT", "/api/inventory/" + sku, "{\"onHand\": 1000000}", admin).statusCode() != 200) {
			if (System.nanoTime() > deadline) {
				throw new SouqException("bench: inventory never created the stock record of " + sku);
			}
			Launcher.pause(Duration.ofMillis(200));
		}
		return JSON.readTree(created.body()).path("id").asString();
	}

	private List<Customer> customers(int count) {
		List<Customer> customers = Collections.synchronizedList(new ArrayList<>());
		try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
			for (int i = 0; i < count; i++) {
				executor.submit(() -> {
					String email = "bench-" + UUID.randomUUID() + "@example.com";
					send("POST", "/api/customers",
							"{\"email\":\"" + email + "\",\"password\":\"bench-42-mint\",\"name\":\"Bench\"}", null);
					String token = token(email, "bench-42-mint");
					HttpResponse<String> card = send("POST", "/api/payment-methods", """
							{"cardNumber": "4242424242424242", "expMonth": 12, "expYear": 2035, "cvc": "123",
							 "holderName": "Bench"}""", token);
					customers.add(new Customer(token, JSON.readTree(card.body()).path("token").asString()));
				});
			}
		}
		if (customers.size() < count) {
			throw new SouqException(
					"bench: only " + customers.size() + " of " + count + " customers could be prepared");
		}
		return customers;
	}

	private String token(String email, String password) {
		HttpResponse<String> answer = send("POST", "/api/auth/token",
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
		if (answer.statusCode() != 200) {
			throw new SouqException("bench: signing in as " + email + " answered " + answer.statusCode());
		}
		return JSON.readTree(answer.body()).path("accessToken").asString();
	}

	private HttpResponse<String> send(String method, String path, String body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted");
		}
	}

	private record Customer(String token, String card) {
	}

}
