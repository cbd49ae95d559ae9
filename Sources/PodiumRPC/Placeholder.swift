// PodiumRPC
