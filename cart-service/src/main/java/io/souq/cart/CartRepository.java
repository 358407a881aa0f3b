package io.souq.cart;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CartRepository extends MongoRepository<Cart, String> {

}
