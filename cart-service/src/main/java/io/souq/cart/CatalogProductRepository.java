package io.souq.cart;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CatalogProductRepository extends MongoRepository<CatalogProduct, String> {

}
