// PodiumJSON
