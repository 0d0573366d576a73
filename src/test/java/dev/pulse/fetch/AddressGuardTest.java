package dev.pulse.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only loopback addresses and names that do not resolve: no test here sends traffic anywhere else.
 */
class AddressGuardTest {

  private final AddressGuard defaults = new AddressGuard(List.of());

  private static String reason(AddressGuard guard, String url) {
    try {
      guard.check(URI.create(url));
      return "allowed";
    } catch (FetchException e) {
      return e.reason();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/", "http://127.0.0.2:8080/", "http://[::1]/", "http://localhost/",
        "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::7f00:1]/",
            "http://2130706433/"
      })
  void refusesLoopbackAndUnspecifiedAddressesByDefault(String url) {
    assertThat(reason(defaults, url)).isEqualTo("ssrf");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"file:///etc/passwd", "ftp://127.0.0.1/", "gopher://localhost/", "http:///nohost"})
  void refusesOtherSchemesAndHostlessUrls(String url) {
    assertThat(reason(defaults, url)).isEqualTo("invalid-url");
  }

  @Test
  void reportsANameThatDoesNotResolve() {
    assertThat(reason(defaults, "http://nothing-here.invalid/")).isEqualTo("unknown-host");
  }

  @Test
  void allowsAnAllowedAddress() {
    AddressGuard guard = new AddressGuard(List.of("127.0.0.1"));

    assertThat(reason(guard, "http://127.0.0.1:9999/x")).isEqualTo("allowed");
    assertThat(reason(guard, "http://127.0.0.2:9999/x")).isEqualTo("ssrf");
  }

  @Test
  void allowsAnAllowedRange() {
    AddressGuard guard = new AddressGuard(List.of("127.0.0.0/8", "::1"));

    assertThat(reason(guard, "http://127.0.0.3/")).isEqualTo("allowed");
    assertThat(reason(guard, "http://[::1]/")).isEqualTo("allowed");
  }

  @Test
  void allowsAnAllowedHostByNameWhateverItResolvesTo() {
    assertThat(reason(new AddressGuard(List.of("LocalHost")), "http://localhost:8080/"))
        .isEqualTo("allowed");
  }

  @Test
  void refusesANameWhenAnyOfItsAddressesIsForbidden() {
    // A fake resolver: the name is not resolvable in reality, so nothing can be contacted.
    AddressGuard.Resolver twoFaced =
        host ->
            new InetAddress[] {
              InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}),
              InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})
            };
    AddressGuard guard = new AddressGuard(List.of(), twoFaced);

    assertThat(reason(guard, "http://rebind.invalid/")).isEqualTo("ssrf");
  }

  @Test
  void rejectsMalformedAllowEntries() {
    assertThatThrownBy(() -> new AddressGuard(List.of("127.0.0.1/40")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cidrMatchesOnThePrefixOnly() throws UnknownHostException {
    Cidr loopback = Cidr.parse("127.0.0.0/8");
    Cidr one = Cidr.parse("127.0.0.1");
    Cidr v6 = Cidr.parse("::1/128");

    assertThat(loopback.contains(InetAddress.getByName("127.255.0.9"))).isTrue();
    assertThat(one.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(one.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
    assertThat(v6.contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThatCode(() -> Cidr.parse("::/0")).doesNotThrowAnyException();
  }
}
