package io.souq.events.catalog;

import java.time.Instant;

/**
 * A product was withdrawn (soft delete): it can no longer be added or checked out.
 *
 * @param productId the product's id
 * @param sku stock keeping unit
 * @param at when
 */
public record ProductDiscontinued(String productId, String sku, Instant at) implements CatalogEvent {

	public static final String TYPE = "product.discontinued";

}
