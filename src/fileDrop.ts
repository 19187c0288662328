/** A chosen file and the path it keeps below the upload folder ("notes/a.txt" for a file in a dropped folder). */
export interface ChosenFile {
  file: File
  path: string
}

/** Files from an <input type="file">, with the folder paths a folder picker gives (webkitRelativePath). */
export function filesFromInput(list: FileList | null): ChosenFile[] {
  return [...(list ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }))
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject))
}

async function walk(entry: FileSystemEntry, base: string, found: ChosenFile[]) {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
    found.push({ file, path: `${base}${entry.name}` })
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader()
    // readEntries gives at most about 100 entries a call, so it is called until it gives none.
    for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
      for (const child of batch) await walk(child, `${base}${entry.name}/`, found)
    }
  }
}

/** Files and whole folders dropped on the page, folders walked to their files. */
export async function filesFromDrop(transfer: DataTransfer): Promise<ChosenFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((entry): entry is FileSystemEntry => !!entry)
  if (!entries.length) return filesFromInput(transfer.files)
  const found: ChosenFile[] = []
  for (const entry of entries) await walk(entry, '', found)
  return found
}
