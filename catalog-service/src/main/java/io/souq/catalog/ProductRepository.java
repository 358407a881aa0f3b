package io.souq.catalog;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ProductRepository extends MongoRepository<Product, String> {

	boolean existsBySku(String sku);

	Optional<Product> findBySku(String sku);

}
