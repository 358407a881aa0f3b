package io.souq.events.catalog;

/**
 * Facts published by catalog-service on {@code catalog.events}, keyed by product id.
 */
public sealed interface CatalogEvent permits ProductCreated, ProductUpdated, ProductPriceChanged, ProductDiscontinued {

	String productId();

	String sku();

}
