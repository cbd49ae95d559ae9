// PodiumServer
