package io.souq.shipping;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ShipmentRepository extends MongoRepository<Shipment, String> {

	Optional<Shipment> findByTrackingNumber(String trackingNumber);

}
