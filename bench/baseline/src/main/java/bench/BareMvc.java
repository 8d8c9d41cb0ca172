package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The least a Spring MVC application does to answer the listing: Boot defaults, one handler, fixed bytes. */
@SpringBootApplication
@RestController
public class BareMvc {

    private final byte[] listing;

    BareMvc(@Value("${listing}") Path listing) throws IOException {
        this.listing = Files.readAllBytes(listing);
    }

    @PostMapping("/api/checkout/products")
    ResponseEntity<byte[]> products() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(listing);
    }

    public static void main(String[] args) {
        SpringApplication.run(BareMvc.class, args);
    }
}
