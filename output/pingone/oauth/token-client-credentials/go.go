package main

import (
	"fmt"
	"strings"
	"net/http"
	"io"
)

func main() {

	url := "{{authPath}}/{{envID}}/as/token"
	method := "POST"

	payload := strings.NewReader("grant_type=client_credentials&scope=p1%3Aread%3Auser%20p1%3Aupdate%3Auser")

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, payload)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.SetBasicAuth("%7B%7BappID%7D%7D", "%7B%7BappSecret%7D%7D")
	req.Header.Add("Content-Type", "application/x-www-form-urlencoded")

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
