package io.souq.inventory;

import org.springframework.data.mongodb.repository.MongoRepository;

interface StockRepository extends MongoRepository<StockItem, String> {

}
