package io.souq.inventory.web;

import io.souq.inventory.Stock;
import io.souq.inventory.StockItem;
import io.souq.starter.security.AccessRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators read, count and adjust stock (admin only).
 */
@RestController
class InventoryController {

	private final Stock stock;

	InventoryController(Stock stock) {
		this.stock = stock;
	}

	@GetMapping("/api/inventory/{sku}")
	StockView get(@PathVariable String sku) {
		return StockView.of(this.stock.get(sku));
	}

	@PutMapping("/api/inventory/{sku}")
	StockView count(@PathVariable String sku, @Valid @RequestBody CountRequest request) {
		return StockView.of(this.stock.count(sku, request.onHand(), request.reorderPoint()));
	}

	@PostMapping("/api/inventory/{sku}/adjustments")
	StockView adjust(@PathVariable String sku, @Valid @RequestBody AdjustmentRequest request) {
		return StockView.of(this.stock.adjust(sku, request.delta()));
	}

	@Bean
	static AccessRules inventoryAccess() {
		return rules -> rules.requestMatchers("/api/inventory/**").hasRole("ADMIN");
	}

	record CountRequest(@NotNull @Min(0) @Max(1_000_000_000) Long onHand,
			@Min(0) @Max(1_000_000_000) Long reorderPoint) {
	}

	record AdjustmentRequest(@NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Long delta,
			@NotBlank @Size(max = 200) String reason) {
	}

	record StockView(String sku, long onHand, long reserved, long available, long reorderPoint) {

		static StockView of(StockItem item) {
			return new StockView(item.sku(), item.onHand(), item.reserved(), item.available(), item.reorderPoint());
		}

	}

}
