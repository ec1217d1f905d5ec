//! Reading an index that this process may not write to (a read-only mount,
//! a folder owned by another user).
//!
//! tantivy's reader takes a short lock by creating `.tantivy-meta.lock`, which
//! fails where the folder cannot be written. [`ReadDirectory`] delegates every
//! call to an [`MmapDirectory`] but turns a lock that cannot be created for
//! lack of permission into no lock: a process that cannot write to the folder
//! cannot take part in the writers' locking anyway, and a writer's garbage
//! collection only ever removes files no committed `meta.json` names.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// An [`MmapDirectory`] whose locks give way where the folder is not writable.
#[derive(Debug, Clone)]
pub struct ReadDirectory {
    inner: MmapDirectory,
}

impl ReadDirectory {
    pub fn open(dir: &Path) -> tantivy::Result<ReadDirectory> {
        let inner = MmapDirectory::open(dir).map_err(tantivy::TantivyError::from)?;
        Ok(ReadDirectory { inner })
    }
}

/// Whether a lock failed because the folder cannot be written, not because
/// another process holds it.
fn is_permission_failure(error: &LockError) -> bool {
    let LockError::IoError(io_error) = error else {
        return false;
    };
    // EROFS has no stable ErrorKind on every supported Rust; its raw code is 30 on Linux and macOS.
    let read_only_file_system = io_error.raw_os_error() == Some(30);
    io_error.kind() == std::io::ErrorKind::PermissionDenied || read_only_file_system
}

impl Directory for ReadDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(error) if is_permission_failure(&error) => {
                Ok(DirectoryLock::from(Box::new(NoLock(lock.filepath.clone()))))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// Stands for a lock that could not be taken in a read-only folder.
struct NoLock(#[allow(dead_code)] PathBuf);
