"""wirewatch.read"""
