namespace B12Bot.Conversation.Content;

/// <summary>
/// The content files of dialogs/ read and validated ahead of the first snapshot, on a thread-pool thread: the host starts
/// it before it registers its services and builds its container, so the two run side by side on a start's critical
/// path. The first <see cref="B12ContentSnapshotBuilder.BuildFirst"/> takes the result (once); reloads read the files
/// themselves. Register the instance as a singleton (<see cref="B12ConversationServiceCollectionExtensions"/> finds it).
/// </summary>
public sealed class B12ContentPreload
{
    private readonly string dialogsFolder;
    private readonly SafetyContacts contacts;
    private Task<(string Fingerprint, B12Content Content)>? loading;

    private B12ContentPreload(string dialogsFolder, SafetyContacts contacts)
    {
        this.dialogsFolder = dialogsFolder;
        this.contacts = contacts;
        // The fingerprint is taken before the files are read: an edit made meanwhile then shows as a change to reload.
        loading = Task.Run(() => (B12ContentSnapshotBuilder.Fingerprint(dialogsFolder), B12ContentLoader.Load(dialogsFolder, contacts)));
    }

    /// <summary>Starts reading <paramref name="dialogsFolder"/> now.</summary>
    public static B12ContentPreload Start(string dialogsFolder, SafetyContacts contacts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogsFolder);
        ArgumentNullException.ThrowIfNull(contacts);
        return new B12ContentPreload(dialogsFolder, contacts);
    }

    /// <summary>
    /// The files' fingerprint and content as read, waiting for the read to finish; null when this preload is of another
    /// folder or contacts, or was taken already.
    /// </summary>
    /// <exception cref="ContentValidationException">The content has problems (as <see cref="B12ContentLoader.Load(string, SafetyContacts)"/>).</exception>
    internal (string Fingerprint, B12Content Content)? Take(string folder, SafetyContacts wanted)
    {
        if (folder != dialogsFolder || wanted != contacts || Interlocked.Exchange(ref loading, null) is not { } taken)
        {
            return null;
        }

        return taken.GetAwaiter().GetResult();
    }
}
