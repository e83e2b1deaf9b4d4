using System.Text.Json;
using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Browser;

/// <summary>
/// What a phone user and a screen reader user meet on a page, measured in the browser: axe-core's WCAG 2.1 A/AA rules,
/// the size of everything one taps, the size of text, and sideways scrolling. Each returns the problems it found, as
/// readable lines, so a failing test says what to fix.
/// </summary>
public static class PageChecks
{
    /// <summary>axe-core's rules for WCAG 2.0 and 2.1, levels A and AA, and its best practices (landmarks, headings...).</summary>
    public static readonly string[] AxeRuleTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    /// <summary>WCAG 2.5.5's size for anything one taps.</summary>
    public const double MinTargetPx = 44;

    public const double MinTextPx = 16;

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        // Copied beside the test binaries at build from src/B12Bot/ClientApp/node_modules (npm, pinned in package-lock.json).
        var path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run `npm ci` in src/B12Bot/ClientApp and rebuild (the B12Bot build does it when axe-core is missing).");
        }

        return File.ReadAllText(path);
    });

    /// <summary>
    /// Runs axe-core on the whole document. It is evaluated through the DevTools protocol rather than added as a script
    /// tag, so the page's Content-Security-Policy (script-src 'self') stays on while it is tested.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var tags = JsonSerializer.Serialize(AxeRuleTags);
        var violations = await page.EvaluateAsync<JsonElement>(
            $$"""
            async () => {
              const results = await window.axe.run(document, { runOnly: { type: 'tag', values: {{tags}} }, resultTypes: ['violations'] });
              // A scan that checked nothing (axe not run, rules not matched) must not pass as "no violations".
              if (results.passes.length < 10) return [{ id: 'scan', impact: 'n/a', help: `axe-core ran only ${results.passes.length} passing rules`, nodes: [] }];
              return results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              }));
            }
            """);
        return [.. violations.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at "
            + string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))];
    }

    // A screen-reader-only copy: inside a box clipped to a pixel (Web Chat's live region keeps such copies of messages and buttons).
    private const string ScreenReaderOnlyFunction =
        """
        const screenReaderOnly = el => {
          for (let a = el; a; a = a.parentElement) {
            const r = a.getBoundingClientRect();
            const s = getComputedStyle(a);
            if ((r.width <= 1 || r.height <= 1) && (s.overflow !== 'visible' || s.clip !== 'auto' || s.clipPath !== 'none')) return true;
          }
          return false;
        };
        """;

    /// <summary>Every visible button, text box and button-like control smaller than 44x44 CSS px (links inside text are exempt, as in WCAG).</summary>
    public static async Task<IReadOnlyList<string>> SmallTargetsAsync(IPage page)
    {
        var small = await page.EvaluateAsync<string[]>(
            $$"""
            min => {
              {{ScreenReaderOnlyFunction}}
              const controls = document.querySelectorAll('button, [role="button"], input:not([type="hidden"]), textarea, select, summary');
              const found = [];
              for (const el of controls) {
                const r = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('[aria-hidden="true"]')) continue;
                // Screen-reader-only copies are not tapped.
                if (screenReaderOnly(el)) continue;
                if (r.width < min - 0.5 || r.height < min - 0.5) {
                  const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName).trim().slice(0, 40);
                  found.push(`${el.tagName.toLowerCase()} "${name}" is ${Math.round(r.width)}x${Math.round(r.height)}`);
                }
              }
              return found;
            }
            """,
            MinTargetPx);
        return small;
    }

    /// <summary>Every visible piece of text (and typed text in a text box) set smaller than 16 CSS px.</summary>
    public static async Task<IReadOnlyList<string>> SmallTextAsync(IPage page)
    {
        var small = await page.EvaluateAsync<string[]>(
            $$"""
            min => {
              {{ScreenReaderOnlyFunction}}
              const found = new Set();
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const el = node.parentElement;
                if (!el || !node.textContent.trim() || el.closest('script, style, noscript, [aria-hidden="true"]')) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                const r = range.getBoundingClientRect();
                // Not shown, or a screen-reader-only copy clipped to a pixel.
                if (r.width <= 1 || r.height <= 1 || getComputedStyle(el).visibility === 'hidden' || screenReaderOnly(el)) continue;
                const size = parseFloat(getComputedStyle(el).fontSize);
                if (size < min - 0.01) found.add(`"${node.textContent.trim().slice(0, 40)}" (${el.tagName.toLowerCase()}.${el.className}) is ${size}px`);
              }
              for (const el of document.querySelectorAll('input, textarea')) {
                const r = el.getBoundingClientRect();
                const size = parseFloat(getComputedStyle(el).fontSize);
                if (r.width > 1 && r.height > 1 && size < min - 0.01) found.add(`${el.tagName.toLowerCase()} text is ${size}px`);
              }
              return [...found];
            }
            """,
            MinTextPx);
        return small;
    }

    /// <summary>Fails with every problem on its own line (xunit would cut each one short).</summary>
    public static void AssertNone(IReadOnlyList<string> problems, string what) =>
        Assert.True(problems.Count == 0, $"{what}:\n  " + string.Join("\n  ", problems));

    /// <summary>How many CSS px the page can be scrolled sideways (0 when it fits the viewport's width).</summary>
    public static Task<int> SidewaysOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth");
}
