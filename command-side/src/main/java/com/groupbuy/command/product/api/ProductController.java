package com.groupbuy.command.product.api;

import com.groupbuy.command.domain.MoneyBounds;
import com.groupbuy.command.product.model.AdjustStock;
import com.groupbuy.command.product.model.ChangePrice;
import com.groupbuy.command.product.model.Delist;
import com.groupbuy.command.product.model.DescribeProduct;
import com.groupbuy.command.product.model.MarkSoldOut;
import com.groupbuy.command.product.model.MenuEntry;
import com.groupbuy.command.product.model.MoveToCategory;
import com.groupbuy.command.product.model.PutBackOnSale;
import com.groupbuy.command.product.model.RegisterProduct;
import com.groupbuy.command.product.model.Relist;
import com.groupbuy.command.product.model.RenameProduct;
import com.groupbuy.command.product.model.SetOptions;
import com.groupbuy.events.product.OptionGroup;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Admin commands on the catalog: register a product, adjust its stock, and change its place on the menu (price,
 * name, category, sold out for today, delisted). Each menu change answers the product as the menu now shows it.
 * Store staff may mark a product sold out for the day and put it back, as they are the ones who run out.
 */
@RestController
@Profile("api")
@RequestMapping("/api/v1/products")
@PreAuthorize("hasRole('ADMIN')")
class ProductController {

    static final String SKU_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String OPTION_CODE_PATTERN = "[a-z0-9][a-z0-9_-]{0,31}";

    private final CommandGateway commands;
    private final ShopDay shopDay;

    ProductController(CommandGateway commands, ShopDay shopDay) {
        this.commands = commands;
        this.shopDay = shopDay;
    }

    record RegisterProductRequest(
            @NotBlank @Pattern(regexp = SKU_PATTERN) String sku,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 64) String category,
            @NotNull @Positive @Max(MoneyBounds.MAX_PRICE_CENTS) Long priceCents,
            @NotNull @PositiveOrZero @Max(1_000_000) Integer initialStock) {
    }

    record ProductRegisteredResponse(String sku) {
    }

    record AdjustStockRequest(@NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta) {
    }

    record ChangePriceRequest(@NotNull @Positive @Max(MoneyBounds.MAX_PRICE_CENTS) Long priceCents) {
    }

    record RenameRequest(@NotBlank @Size(max = 200) String name) {
    }

    record MoveToCategoryRequest(@NotBlank @Size(max = 64) String category) {
    }

    record OptionRequest(@NotBlank @Pattern(regexp = OPTION_CODE_PATTERN) String code,
                         @NotBlank @Size(max = 100) String name,
                         @NotNull @PositiveOrZero @Max(MoneyBounds.MAX_PRICE_CENTS) Long priceDeltaCents,
                         @Pattern(regexp = SKU_PATTERN) String stockSku) {
    }

    record OptionGroupRequest(@NotBlank @Pattern(regexp = OPTION_CODE_PATTERN) String code,
                              @NotBlank @Size(max = 100) String name,
                              @NotNull @Min(0) @Max(20) Integer minChoices,
                              @NotNull @Min(1) @Max(20) Integer maxChoices,
                              @NotEmpty @Size(max = 20) List<@Valid @NotNull OptionRequest> options) {

        OptionGroup toGroup() {
            return new OptionGroup(code, name.strip(), minChoices, maxChoices, options.stream()
                    .map(o -> new OptionGroup.Option(o.code(), o.name().strip(), o.priceDeltaCents(), o.stockSku()))
                    .toList());
        }
    }

    record SetOptionsRequest(@NotNull @Size(max = 10) List<@Valid @NotNull OptionGroupRequest> optionGroups) {
    }

    @PostMapping
    ResponseEntity<ProductRegisteredResponse> register(@Valid @RequestBody RegisterProductRequest request) {
        commands.sendAndWait(new RegisterProduct(request.sku(), request.name().strip(), request.category().strip(),
                request.priceCents(), request.initialStock()));
        return ResponseEntity.created(URI.create("/api/v1/products/" + request.sku()))
                .body(new ProductRegisteredResponse(request.sku()));
    }

    @PostMapping("/{sku}/stock")
    ResponseEntity<Void> adjustStock(@PathVariable @Pattern(regexp = SKU_PATTERN) String sku,
                                     @Valid @RequestBody AdjustStockRequest request) {
        if (request.delta() == 0) {
            throw new jakarta.validation.ValidationException("delta must not be zero");
        }
        commands.sendAndWait(new AdjustStock(sku, request.delta()));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{sku}/price")
    MenuEntry changePrice(@PathVariable @Pattern(regexp = SKU_PATTERN) String sku,
                          @Valid @RequestBody ChangePriceRequest request) {
        return commands.sendAndWait(new ChangePrice(sku, request.priceCents()));
    }

    @PostMapping("/{sku}/name")
    MenuEntry rename(@PathVariable @Pattern(regexp = SKU_PATTERN) String sku,
                     @Valid @RequestBody RenameRequest request) {
        return commands.sendAndWait(new RenameProduct(sku, request.name().strip()));
    }

    @PostMapping("/{sku}/category")
    MenuEntry moveToCategory(@PathVariable @Pattern(regexp = SKU_PATTERN) String sku,
                             @Valid @RequestBody MoveToCategoryRequest request) {
        return commands.sendAndWait(new MoveToCategory(sku, request.category().strip()));
    }

    @PostMapping("/{sku}/sold-out")
    @PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
    MenuEntry markSoldOut(@PathVariable @Pattern(regexp = SKU_PATTERN) String sku) {
        return commands.sendAndWait(new MarkSoldOut(sku, shopDay.endOfToday()));
    }

    @PostMapping("/{sku}/back-on-sale")
    @PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
    MenuEntry putBackOnSale(@PathVariable @Pattern(regexp = SKU_PATTERN) String sku) {
        return commands.sendAndWait(new PutBackOnSale(sku));
    }

    @PostMapping("/{sku}/delist")
    MenuEntry delist(@PathVariable @Pattern(regexp = SKU_PATTERN) String sku) {
        return commands.sendAndWait(new Delist(sku));
    }

    @PostMapping("/{sku}/relist")
    MenuEntry relist(@PathVariable @Pattern(regexp = SKU_PATTERN) String sku) {
        return commands.sendAndWait(new Relist(sku));
    }

    /**
     * Replaces the drink's options. Every product an option draws on ({@code stockSku}) must exist and be on the
     * menu: 404 or 409 {@code DELISTED} otherwise.
     */
    @PostMapping("/{sku}/options")
    MenuEntry setOptions(@PathVariable @Pattern(regexp = SKU_PATTERN) String sku,
                         @Valid @RequestBody SetOptionsRequest request) {
        List<OptionGroup> groups = request.optionGroups().stream().map(OptionGroupRequest::toGroup).toList();
        groups.stream().flatMap(group -> group.options().stream()).map(OptionGroup.Option::stockSku)
                .filter(Objects::nonNull).filter(stockSku -> !stockSku.equals(sku)).distinct()
                .forEach(stockSku -> commands.sendAndWait(new DescribeProduct(stockSku)));
        return commands.sendAndWait(new SetOptions(sku, groups));
    }
}
