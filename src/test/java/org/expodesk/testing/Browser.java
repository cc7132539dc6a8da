package org.expodesk.testing;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One headless Chromium for the whole test run, driven by Playwright. It uses the system's
 * Chromium when there is one ({@code EXPODESK_CHROMIUM}, else {@code /usr/bin/chromium}), and
 * otherwise lets Playwright download its own browser where the network allows it.
 * Each test gets a fresh context: its own cookies and storage.
 */
public final class Browser {

    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    private Browser() {
    }

    public static synchronized BrowserContext newContext(String locale) {
        if (browser == null) {
            start();
        }
        return browser.newContext(new NewContextOptions().setLocale(locale).setViewportSize(1200, 800));
    }

    private static void start() {
        Optional<Path> system = systemChromium();
        Playwright.CreateOptions create = new Playwright.CreateOptions();
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(FLAGS);
        if (system.isPresent()) {
            create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
            launch.setExecutablePath(system.get());
        }
        playwright = Playwright.create(create);
        browser = playwright.chromium().launch(launch);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            browser.close();
            playwright.close();
        }));
    }

    /** Signs a user in through the sign-in page of a fresh page of the context. */
    public static com.microsoft.playwright.Page signIn(BrowserContext context, String base, String username,
                                                       String password) {
        com.microsoft.playwright.Page page = context.newPage();
        page.navigate(base + "login");
        page.locator("#f-username").fill(username);
        page.locator("#f-password").fill(password);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    static Optional<Path> systemChromium() {
        String configured = System.getenv("EXPODESK_CHROMIUM");
        for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && !candidate.isBlank() && Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }
}
