using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Browser;

/// <summary>The screens the page is tested on: a common phone (390x844, touch, mobile viewport rules), the narrowest phone width (320) and a desktop.</summary>
public static class Viewports
{
    public const string Phone = "phone";
    public const string NarrowPhone = "narrow-phone";
    public const string Desktop = "desktop";

    public static BrowserNewContextOptions Options(string name) => name switch
    {
        Phone => new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 },
        NarrowPhone => new() { ViewportSize = new() { Width = 320, Height = 640 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 },
        Desktop => new() { ViewportSize = new() { Width = 1280, Height = 900 } },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown viewport"),
    };
}
